"""Seed data for the sample workbooks, transcribed from the seed
shared/seeds/000_05a0722aff00194c.txt ("PHỤ LỤC 03 - KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO CÁC THÔNG BÁO
KẾT LUẬN CỦA BAN CHỈ ĐẠO, TỔ GIÚP VIỆC BAN CHỈ ĐẠO", Đảng ủy UBND tỉnh Quảng Ngãi, 9/2025).

The seed is a PDF text dump of an Excel sheet: the first half holds STT, task, assigning document
and deadline; the second half holds the "Kết quả thực hiện" and "Tình trạng" columns, in task
order, split across pages. The line "Nhóm 1 - ..." repeated on every page is a page-header
artefact and is not a group.

* TASKS: the 38 tasks. Task texts have the PDF line breaks joined into sentences; the assigning
  document likewise ("Thông báo số 05-\nTB/BCĐTW" -> "Thông báo số 05-TB/BCĐTW"). Deadlines are
  exactly as written in the seed, odd ones included ("10-01-2025" for task 4 that says "trước ngày
  01/10/2025", "Các bộ, cơ quan", "Các tỉnh ủy, thành ủy/31/12/2025"). Typos of the seed are kept
  ("các các nhiệm vụ", "pham vi").
* GROUPS: the 8 group titles; Nhóm 5 has no task (the seed says ": không có nhiệm vụ").
* SEED_RESULTS: per task (status, result) from the second half of the seed, aligned to tasks in
  order page by page. Where the seed's alignment is unclear, the choice made is noted in
  ALIGNMENT_NOTES. Line breaks are kept only before list items ("-", "+", "(1)", "1.") and where
  a new sentence clearly starts a new line in the cell; other PDF line breaks are joined.
  An empty string means the seed shows nothing for that task in that column.
* All text is normalised to Unicode NFC: the seed has a few decomposed (NFD) characters in the
  results of tasks 25 and 35 ("hồ", "số"); NFD is a deliberate problem of one sample file only.
"""

from __future__ import annotations

SEED_FILE = "000_05a0722aff00194c.txt"

# (number, title) - "Nhóm <number> - <title>"
GROUPS: list[tuple[int, str]] = [
    (1, 'Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong toàn xã hội về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'),
    (2, 'Khẩn trương, quyết liệt hoàn thiện thể chế, xoá bỏ mọi tư tưởng, quan niệm, rào cản đang cản trở sự phát triển, đưa thể chế thành một lợi thế cạnh tranh trong phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số'),
    (3, 'Tăng cường đầu tư, hoàn thiện hạ tầng cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'),
    (4, 'Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài đáp ứng yêu cầu phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia'),
    (5, 'Đẩy mạnh chuyển đổi số, ứng dụng khoa học, công nghệ, đổi mới sáng tạo trong hoạt động của các cơ quan trong hệ thống chính trị, nâng cao hiệu quả quản trị quốc gia, hiệu lực quản lý nhà nước trên các lĩnh vực, bảo đảm quốc phòng và an ninh'),
    (6, 'Thúc đẩy mạnh mẽ hoạt động khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong doanh nghiệp'),
    (7, 'Tăng cường hợp tác quốc tế trong phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số'),
    (8, 'Công tác chỉ đạo điều hành, tổ chức thực hiện'),
]

# stt, group number, task text, assigning document, deadline (as written in the seed)
TASKS: list[dict[str, object]] = [
    {
        "stt": 1,
        "group": 1,
        "text": 'Tiếp tục nâng cao tinh thần trách nhiệm, có quyết tâm chính trị cao, kiên quyết, kiên trì, kiên định, làm bằng được để củng cố niềm tin của toàn xã hội; tập trung chỉ đạo quyết liệt, ưu tiên bố trí đầy đủ, kịp thời nguồn lực để hoàn thành các nhiệm vụ được giao, đặc biệt là các nhiệm vụ đã quá hạn.',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 2,
        "group": 2,
        "text": 'Rà soát, ban hành hoặc tham mưu cấp có thẩm quyền ban hành các văn bản thuộc lĩnh vực, chức năng, nhiệm vụ làm căn cứ triển khai Đề án Chuyển đổi số trong các cơ quan đảng.',
        "document": 'Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 3,
        "group": 2,
        "text": 'Các thành phố trực thuộc Trung ương và một số tỉnh, thành phố có đủ điều kiện: Trên cơ sở các cơ chế, chính sách, quy định, hướng dẫn về phát triển đô thị thông minh, khẩn trương rà soát, điều chỉnh hoặc xây dựng chiến lược phát triển đô thị thông minh của địa phương gắn với hiện đại hóa hạ tầng, xây dựng nền tảng chính quyền đô thị số; ứng dụng trí tuệ nhân tạo trong điều hành, quản lý, phục vụ người dân, doanh nghiệp, hướng tới chuyển đổi số, chuyển đổi xanh; chịu trách nhiệm trong tổ chức triển khai, huy động và điều phối nguồn lực, kêu gọi đầu tư trong và ngoài nước.',
        "document": 'Thông báo số 30-TB/TGV ngày 13/6/2025',
        "deadline": 'Các thành phố trực thuộc Trung ương 30/9/2025',
    },
    {
        "stt": 4,
        "group": 2,
        "text": 'Chủ trì xây dựng lộ trình đổi mới công nghệ đến năm 2035 đối với các ngành kinh tế mũi nhọn, xác định công nghệ cốt lõi có thể tạo đột phá, nhu cầu thị trường trong và ngoài nước, khả năng tiếp cận công nghệ. Báo cáo Thường trực Ban Chỉ đạo kết quả thực hiện trước ngày 01/10/2025',
        "document": 'Thông báo số 30-TB/TGV ngày 13/6/2025',
        "deadline": '10-01-2025',
    },
    {
        "stt": 5,
        "group": 2,
        "text": 'Các bộ, ngành định kỳ hằng năm báo cáo về tỷ lệ đóng góp của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số vào tăng trưởng ngành, lĩnh vực làm căn cứ điều chỉnh chính sách phát triển phù hợp với thực tiễn.',
        "document": 'Thông báo số 30-TB/TGV ngày 13/6/2025',
        "deadline": '31-12-2025',
    },
    {
        "stt": 6,
        "group": 2,
        "text": 'Đẩy mạnh hợp tác với doanh nghiệp, viện, trường trong và ngoài nước về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số phù hợp với đặc thù, tiềm năng, thế mạnh của địa phương và lĩnh vực được giao phụ trách của bộ, ngành.',
        "document": 'Thông báo số 30-TB/TGV ngày 13/6/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 7,
        "group": 3,
        "text": 'Hoàn thành số hóa quy trình nghiệp vụ nội bộ, hồ sơ tài liệu, kết quả giải quyết thủ tục hành chính trong các lĩnh vực liên quan tới người dân, doanh nghiệp, hoạt động công vụ và công tác đảng (đất đai, tư pháp, y tế, giáo dục, lao động việc làm, đảng viên...); tái sử dụng 100% dữ liệu đã số hóa để cắt giảm tối đa thủ tục hành chính và chi phí tuân thủ cho người dân, doanh nghiệp',
        "document": 'Thông báo số 03-TB/BCĐTW ngày 06/3/2025',
        "deadline": '30/9/2025',
    },
    {
        "stt": 8,
        "group": 3,
        "text": 'Hoàn thành triển khai xây dựng, đưa vào khai thác, sử dụng 114 cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành, trong đó tập trung ưu tiên hoàn thiện cơ sở dữ liệu: đất đai, xây dựng, bảo hiểm, tài chính, doanh nghiệp, lao động việc làm, y tế, giáo dục và kết nối, xác thực với Cơ sở dữ liệu quốc gia về dân cư trong tháng 8/2025, đồng bộ dữ liệu về Trung tâm dữ liệu quốc gia',
        "document": 'Thông báo số 03-TB/BCĐTW ngày 06/3/2025',
        "deadline": '31/8/2025',
    },
    {
        "stt": 9,
        "group": 3,
        "text": 'Chủ động tìm kiếm, phát hiện và đề xuất các ứng viên tiềm năng cho các vị trí Tổng công trình sư, Kiến trúc sư trưởng, bao gồm các chuyên gia hàng đầu trong nước, người Việt Nam ở nước ngoài và các chuyên gia quốc tế có uy tín',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": 'Các bộ, cơ quan',
    },
    {
        "stt": 10,
        "group": 3,
        "text": 'Chủ động tìm kiếm cơ hội, đề xuất các sáng kiến, dự án phù hợp với năng lực và chiến lược phát triển, tham gia vào các Hệ thống chiến lược và Sáng kiến đột phá; Tuân thủ các quy trình, hướng dẫn khi tham gia Kế hoạch hành động chiến lược',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": 'Các bộ, ngành, địa phương, các doanh nghiệp, viện nghiên cứu, trường đại học',
    },
    {
        "stt": 11,
        "group": 3,
        "text": 'Nghiên cứu, thúc đẩy ứng dụng các công nghệ chiến lược trong Danh mục Công nghệ chiến lược như: trí tuệ nhân tạo, dữ liệu lớn, chuỗi khối, robot, bán dẫn, vật liệu mới, công nghệ y - sinh học, an ninh mạng... trong các ngành, lĩnh vực quản lý',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 12,
        "group": 3,
        "text": 'Triển khai đảm bảo hạ tầng kỹ thuật, trang thiết bị đầu cuối, giải pháp bảo đảm an toàn thông tin đáp ứng yêu cầu kỹ thuật theo quy định, hướng dẫn của Trung ương',
        "document": 'Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025',
        "deadline": 'Các tỉnh ủy, thành ủy',
    },
    {
        "stt": 13,
        "group": 3,
        "text": 'Tổ chức khai thác, sử dụng các hệ thống thông tin, cơ sở dữ liệu dùng chung và các phần mềm nghiệp vụ của cơ quan đảng đúng quy định, hiệu quả',
        "document": 'Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025',
        "deadline": '31-12-2025',
    },
    {
        "stt": 14,
        "group": 3,
        "text": 'Tổ chức phân loại hồ sơ, tài liệu để thực hiện ưu tiên số hóa, đảm bảo thời gian, tránh lãng phí nguồn lực; (2) Bảo đảm đầy đủ cơ sở pháp lý, nhất là về thẩm quyền xây dựng, quản lý và khai thác, sử dụng kho dữ liệu tập trung, phù hợp với Luật Lưu trữ và các quy định của pháp luật có liên quan.',
        "document": 'Thông báo số 19-TB/TGV ngày 09/5/2025',
        "deadline": '31-12-2025',
    },
    {
        "stt": 15,
        "group": 3,
        "text": 'Bảo đảm hạ tầng kho lưu trữ, đường truyền phục vụ số hóa hồ sơ, tài liệu, ưu tiên số hóa hồ sơ, tài liệu của các đơn vị thuộc diện giải thể, sáp nhập. Nghiên cứu phương án thuê hạ tầng trong trường hợp hạ tầng kỹ thuật không đáp ứng, trong đó lưu ý phải bảo đảm các vấn đề về an toàn, bảo mật thông tin, dữ liệu khi thực hiện thuê dịch vụ hạ tầng kỹ thuật',
        "document": 'Thông báo số 19-TB/TGV ngày 09/5/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 16,
        "group": 3,
        "text": 'Đẩy mạnh tuyên truyền, phổ biến, đào tạo, bồi dưỡng kỹ năng số cho người dân, cán bộ, công chức, viên chức các cấp chính quyền để đáp ứng yêu cầu chuyển đổi số khi sắp xếp đơn vị hành chính. Nhiệm vụ thường xuyên',
        "document": 'Thông báo số 19-TB/TGV ngày 09/5/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 17,
        "group": 3,
        "text": 'Trách nhiệm tổ chức thực hiện dự toán ngân sách nhà nước được giao bảo đảm đúng tiến độ, tiết kiệm, hiệu quả, đúng tiêu chuẩn, chế độ chi và hoàn thành nhiệm vụ được giao.',
        "document": 'Thông báo số 19-TB/TGV ngày 09/5/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 18,
        "group": 3,
        "text": 'Bố trí đủ kinh phí, nhân lực, bảo đảm các điều kiện về trang thiết bị và hạ tầng mạng tại cấp xã theo hướng dẫn, tạo tiền đề để vận hành đồng bộ, hiệu quả Trung tâm Phục vụ hành chính công.',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 19,
        "group": 3,
        "text": 'Các địa phương chủ động tăng cường tập huấn cho cán bộ cấp xã để nâng cao năng lực thực thi công vụ trong việc tiếp nhận, giải quyết thủ tục hành chính, nhất là các thủ tục được phân cấp; chủ động bố trí nhân sự phù hợp để đáp ứng yêu cầu nhiệm vụ trong bối cảnh số lượng thủ tục hành chính phân cấp xuống cấp xã tăng nhiều. Nhiệm vụ thường xuyên',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 20,
        "group": 3,
        "text": 'Khẩn trương rà soát các chức năng, tính năng của Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh nhằm bảo đảm yêu cầu cung cấp dịch vụ công trực tuyến thông suốt đối với người dân, doanh nghiệp và thực hiện thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh, nhất là đối với các địa phương có số lượng hồ sơ đồng bộ thấp, ít phát sinh thanh toán trực tuyến;',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": '31-12-2025',
    },
    {
        "stt": 21,
        "group": 3,
        "text": 'Ngay sau khi các bộ, ngành công bố, công khai thủ tục hành chính đã tái cấu trúc, đơn giản hóa thành phần hồ sơ trên cơ sở liên thông dữ liệu điện tử phải khẩn trương cập nhật, công khai và điều chỉnh ngay quy trình điện tử của thành phần hồ sơ áp dụng tại địa phương; tuyệt đối không yêu cầu cá nhân, tổ chức xuất trình hoặc nộp giấy tờ, thành phần hồ sơ đã được kết nối, chia sẻ dữ liệu.',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    },
    {
        "stt": 22,
        "group": 3,
        "text": 'Nghiêm túc thực hiện chỉ đạo của Chính phủ và Ban Chỉ đạo, không để tái diễn tình trạng yêu cầu người dân, doanh nghiệp cung cấp giấy tờ đã có thông tin, dữ liệu trong các CSDL quốc gia, CSDL chuyên ngành như: dân cư, hộ tịch, đất đai, bảo hiểm.',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    },
    {
        "stt": 23,
        "group": 4,
        "text": 'Chỉ đạo bố trí nguồn lực tài chính, bảo đảm đường truyền mạng thông suốt đến cấp xã, trang thiết bị đầu cuối, nhân lực phục vụ hoạt động chuyển đổi số tại địa phương.',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 24,
        "group": 4,
        "text": 'Quán triệt, triển khai thực hiện nghiêm túc, nhất là các các nhiệm vụ tại Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị, nhất là các nhiệm vụ theo lộ trình giai đoạn từ 01/7/2025 đến hết tháng 12/2025',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 25,
        "group": 6,
        "text": 'Đẩy mạnh kết nối, chia sẻ dữ liệu giữa các cơ sở dữ liệu, hệ thống thông tin; tái cấu trúc quy trình thủ tục hành chính, tái sử dụng thông tin, dữ liệu để cung cấp dịch vụ công trực tuyến thuận tiện cho người dân, doanh nghiệp, phát triển kinh tế - xã hội và quốc phòng, an ninh',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 26,
        "group": 6,
        "text": 'Chủ động xây dựng, đề xuất các nhiệm vụ, dự án khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số có mục tiêu, sản phẩm đầu ra cụ thể, khả thi, tránh dàn trải, hình thức. Ưu tiên các dự án chuyển đổi số phục vụ vận hành chính quyền địa phương 2 cấp',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 27,
        "group": 6,
        "text": 'Tập trung nâng cao chất lượng dịch vụ công trực tuyến, nhất là dịch vụ công trực tuyến toàn trình, trong đó tập trung xây dựng, cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính có đủ điều kiện, có đối tượng tuân thủ lớn, tần suất thực hiện cao; không xây dựng mới dịch vụ công trực tuyến đối với các thủ tục hành chính 03 năm liền không phát sinh hồ sơ để bảo đảm tiết kiệm, tránh lãng phí.',
        "document": 'Thông báo số 27-TB/TGV ngày 08/06/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 28,
        "group": 7,
        "text": 'Trách nhiệm chấp hành pháp luật, chủ động nâng cao ý thức và thực hiện các biện pháp tự bảo vệ dữ liệu của tổ chức và cá nhân; bảo đảm an ninh, an toàn thông tin theo quy định.',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": 'Các bộ, cơ quan, địa phương, doanh nghiệp và người dân',
    },
    {
        "stt": 29,
        "group": 8,
        "text": 'Chịu trách nhiệm tiếp nhận và xử lý dứt điểm, kịp thời mọi phản ánh, kiến nghị, sáng kiến, giải pháp liên quan đến chức năng, nhiệm vụ, thẩm quyền của mình',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 30,
        "group": 8,
        "text": 'Chịu trách nhiệm chỉ đạo, đôn đốc để bảo đảm tiến độ, chất lượng các nhiệm vụ được giao; coi kết quả xanh hoá các chỉ số trên Hệ thống là một thước đo quan trọng để đánh giá năng lực và kết quả công tác của người đứng đầu',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 31,
        "group": 8,
        "text": 'Trực tiếp, thường xuyên sử dụng Hệ thống thông tin giám sát, đánh giá việc thực hiện Nghị quyết số 57-NQ/TW làm công cụ thiết yếu trong chỉ đạo, điều hành hằng ngày để phát hiện sớm các điểm nghẽn, rủi ro',
        "document": 'Thông báo số 05-TB/BCĐTW ngày 04/07/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 32,
        "group": 8,
        "text": 'Bảo đảm kịp thời, đủ kinh phí đầu tư nâng cấp đồng bộ hạ tầng kỹ thuật, trang thiết bị đầu cuối, giải pháp bảo đảm an toàn thông tin theo nhiệm vụ được giao tại Đề án và theo pham vi Dự án',
        "document": 'Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025',
        "deadline": 'Các tỉnh ủy, thành ủy/31/12/2025',
    },
    {
        "stt": 33,
        "group": 8,
        "text": 'Theo chức năng, nhiệm vụ được giao định kỳ hằng quý hoặc đột xuất có báo cáo Ban Chỉ đạo về tình hình, kết quả triển khai Đề án và các kết luận, chỉ đạo của Ban Chỉ đạo, đồng thời gửi Cơ quan Thường trực Ban Chỉ đạo - Văn phòng Trung ương Đảng để tổng hợp, theo dõi',
        "document": 'Thông báo số 06-TB/BCĐCĐS ngày 18/3/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 34,
        "group": 8,
        "text": 'Đánh giá, lựa chọn Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh để tổ chức nâng cấp, hoàn thiện, đáp ứng yêu cầu thực hiện thủ tục hành chính không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh; kết nối, chia sẻ, đồng bộ dữ liệu với Cổng Dịch vụ công quốc gia, đáp ứng yêu cầu một Cổng tập trung, duy nhất cung cấp dịch vụ công trực tuyến cho cá nhân, tổ chức. Không duy trì Cổng Dịch vụ công cấp tỉnh',
        "document": 'Thông báo số 14-TB/TGV ngày 21/4/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 35,
        "group": 8,
        "text": 'Tham mưu, hoàn thiện thể chế và bố trí đủ nguồn lực để hoàn thành các nhiệm vụ được giao theo Nghị quyết 57-NQ/TW trong năm 2025',
        "document": 'Thông báo số 14-TB/TGV ngày 21/4/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 36,
        "group": 8,
        "text": 'Cập nhật bổ sung dịch vụ công trực tuyến toàn trình hằng tháng cho đến khi cung cấp đủ 100% thủ tục hành chính đủ điều kiện thực hiện dịch vụ công trực tuyến toàn trình (gửi Cơ quan Thường trực Ban Chỉ đạo Trung ương để theo dõi, báo cáo Ban Chỉ đạo)',
        "document": 'Thông báo số 14-TB/TGV ngày 21/4/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 37,
        "group": 8,
        "text": 'Các bộ, cơ quan, địa phương khẩn trương rà soát, hoàn thiện các nhiệm vụ quá hạn, đảm bảo mục tiêu chung toàn hệ thống. Lãnh đạo các cơ quan, địa phương chịu trách nhiệm giải trình về các nhiệm vụ chậm tiến độ.',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": '31/12/2025',
    },
    {
        "stt": 38,
        "group": 8,
        "text": 'Các bộ, ngành, địa phương và các Nhóm công tác hỗ trợ của Trung ương nghiêm túc duy trì chế độ báo cáo trước 16 giờ hằng ngày theo hướng dẫn, bảo đảm tính kịp thời, chính xác và phản ánh trung thực tiến độ các nhiệm vụ được phân công.',
        "document": 'Thông báo số 35-TB/TGV ngày 11/7/2025',
        "deadline": '31/12/2025',
    },
]

# stt: (status as written in the seed, result text as written in the seed)
SEED_RESULTS: dict[int, tuple[str, str]] = {
    1: (
        'Đang thực hiện',
        '',
    ),
    2: (
        '',
        'Tham mưu trình Kế hoạch chuyển đổi số năm 2025 (sửa đổi, bổ sung) (Tờ trình số: 607/TTr-SKHCN ngày 04/8/2025);\nQuyết định ban hành mã định danh điện tử các cơ quan, đơn vị, địa phương trên địa bàn tỉnh Quảng Ngãi (số 608/QĐ-UBND ngày 04/8/2025). Kế hoạch thực hiện Chương trình hành động quốc gia về phát triển và chuyển đổi sang sử dụng nền tảng điện toán đám mây giai đoạn 2025 - 2030 trên địa bàn tỉnh Quảng Ngãi (22/KH-UBND ngày 09/8/2025)',
    ),
    3: (
        'Không thuộc nhiệm vụ',
        '',
    ),
    4: (
        'Đang triển khai',
        'Đã chỉ đạo các cơ quan chức năng nghiên cứu xây dựng kế hoạch để thực hiện đổi mới công nghệ đến năm 2035 đối với các ngành kinh tế mũi nhọn, xác định công nghệ cốt lõi có thể tạo đột phá, nhu cầu thị trường trong và ngoài nước, khả năng tiếp cận công nghệ.',
    ),
    5: (
        '',
        '',
    ),
    6: (
        '',
        'Chủ động mở rộng và đẩy mạnh triển khai thực các Kế hoạch hợp tác giữa UBND tỉnh Quảng Ngãi với Đại học Quốc gia Hà Nội (Kế hoạch số 01/KH-ĐHQGHN-UBND ngày 17/8/2023) , Đại học Đà Nẵng (Kế hoạch số 01/KH-UBND-ĐHĐN ngày 11/8/2023), Trường Đại học Tôn Đức Thắng (Kế hoạch 01/KH-UBND-TDTU ngày 17/7/2023)....\nTriển khai 8 nhiệm vụ hợp tác với các viện nghiên cứu dược liệu của Hàn Quốc sau chuyến đi làm việc, hợp tác nghiên cứu các dược liệu của tỉnh Kon Tum (cũ) tại Hàn Quốc',
    ),
    7: (
        '',
        'Đã hoàn thành số hóa quy trình nghiệp vụ nội bộ; thường xuyên cải tiến quy trình và thiết lập trên nền tảng số; Tỷ lệ hồ sơ TTH số hóa hồ sơ, kết quả giải quyết TTHC đạt 78,52% (Quảng Ngãi cũ) và 87,43% (Kon Tum cũ); Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa đạt 78,43% (Quảng Ngãi cũ) và 23,17%  (Kon Tum cũ)',
    ),
    8: (
        '',
        '1) Đã phân bổ kinh phí (QĐ số 240) để số hóa 50% Giấy chứng nhận QSD Đất (còn lại trên toàn tỉnh); Số hóa dữ liệu học sinh từ tiểu học đến THPT và Giáo dục thường xuyên; triển khai bệnh án điện tử tại 20 Cơ sở khám bệnh, chữa bệnh công lập trên toàn tỉnh;\n(2) Đã có 19/61 HTTT, CSDL thuộc tỉnh kết nối với các hệ thống bộ ngành TW để khai thác;\n(3) Tại địa bàn Kon tum cũ toàn tỉnh đã thực hiện số hóa kết quả giải quyết TTHC đạt 87,43%. Trong đó, có các lĩnh vực liên quan đến người dân; tỷ lệ tái sử dụng lại dữ liệu số hóa đạt 23,17%.',
    ),
    9: (
        'Không thuộc nhiệm vụ',
        '',
    ),
    10: (
        'Đang triển khai',
        '',
    ),
    11: (
        'Đang triển khai',
        '',
    ),
    12: (
        '',
        '- Mạng Truyền số liệu chuyên dùng: Đã triển khai đến 100% các cơ quan cấp tỉnh và 100% cấp xã (96/96 xã, phường, đặc khu).\n- Mạng di động: 100% thôn, bản có sóng di động 3G, 4G. Mạng di động 5G đã triển khai tại các khu đô thị, các khu công nghiệp, cụm công nghiệp với 58 trạm BTS.\n- Trang thiết bị phục vụ Hội nghị truyền hình trực tuyến: Hiện còn 20 địa phương chưa có thiết bị đầu cuối (VCS) đáp ứng yêu cầu HNTH: Xã Ba Động; Xã Ba Xa; Xã Ba Vì;Xã Sơn Mai; Xã Sơn Kỳ; Phường Đăk Cấm; Xã Ngọk Bay; Xã Đăk Rơ Wa; Xã Ia Chim; Xã Dục Nông; Xã Xốp; Xã Ngọc Linh; Xã Đăk Plô; Xã Đăk Môn; Xã Ya Ly; Xã Đăk Kôi; Xã Đăk Rve; Xã Măng Bút; Xã Kon Plông; Xã Rờ Kơi.\n- Trung tâm Phục vụ hành chính công cấp xã.\n+ Máy lấy số xếp hàng tự động: 42/96 địa phương chưa có;\n+ Màn hình hiển thị số (treo trần): 46/96 địa phương chưa có;\n+ Bộ máy tính (kèm máy scan) hỗ trợ số hóa giấy tờ: 03/96 địa phương chưa có;\n+ Thiết bị tra cứu TTHC: 08/96 địa phương chưa có;\n+ Máy tính cho cán bộ công chức: 08/96 địa phương chưa đủ;\n+ Các thiết bị khác (máy phôtô, …): 17/96 địa phương chưa đủ.',
    ),
    13: (
        'Đang triển khai',
        '',
    ),
    14: (
        'Đợi hướng dẫn của Trung ương',
        '',
    ),
    15: (
        '',
        '(1) Tỉnh Quảng Ngãi đã có Kho lưu trữ tài liệu điệ tử (Kho theo QĐ 458 TTG); Kho Kết quả GQTTHC (Kho theo NĐ 45/2020/NĐ-CP);\n(2) Đã kiểm tra, đánh giá nhu cầu lưu trữ tài liệu, hồ sơ đối với cơ quan, đơn vị kết thúc hoạt động; đã chuẩn bị năng lực lưu trữ tại Trung tâm Dữ liệu tịnh và Trung tâm Tích hợp Dữ liệu tỉnh',
    ),
    16: (
        '',
        '(1) Thường xuyên thực hiện truyền thông về chuyển đổi số trên các kênh truyền hình và các nên tảng số, cụ thể:\n- 04 số chuyên mục KHCN trên sóng truyền hình; 04 số chuyên mục KHCN trên sóng phát thanh; Phát hành 02 số bản tin điện tử Chuyển đổi số; Vận hành chuyên trang điện tử Chuyển đổi số;  Zalo “Sở Khoa học và Công nghệ Quảng Ngãi;  Chuyển đổi số tỉnh Quảng Ngãi”; Trang fanpage, Facebook “Sở Khoa học và Công nghệ Quảng Ngãi”;\n- Báo Quảng Ngãi (Đài phát thanh và Truyền hình tỉnh Quảng Ngãi và Báo Quảng Ngãi) đã có chuyên mục riêng về chuyển đổi số tại địa chỉ:https://quangngaitv.vn/chuyen-doi-so và trên Kênh phát thanh thực hiện phát sóng định kỳ 01 số/tuần tại; Báo Quảng Ngãi đã có chuyên mục trên báo điện tử và báo in, đảm bảo phát hành tin bài ít nhất 01 số/tuần trên chuyên mục chuyển đổi số trên báo điện tử và báo in của đơn vị;  Duy trì Chuyên mục khoa học và công nghệ (1 số/tháng); chuyên mục chuyển đổi số (4 số/tháng); chuyên mục an toàn thông tin (1 số/tháng); chuyên mục chuyển đổi số ngành, lĩnh vực (7 số/5 tháng) trên sóng phát thanh - truyền hình tỉnh Kon Tum; chuyên mục chuyển đổi số trên báo in (1 số/tháng).\n- Trung tâm Truyền thông tỉnh đến nay đã tuyên truyền khoảng gần 30 tin, khoảng 13 phóng sự, 6 chuyên mục về thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia được phát trên hai làn sóng phát thanh và truyền hình (KRT)\n(2) Tỉnh Quảng Ngãi đã triển khai nhiều chương trình đào tạo, tập huấn về kỹ năng số cho người dân, đến nay đã có hơn 957.600 người dân trên địa bàn tỉnh đã tham gia ít nhất 01 lớp tập huấn  về kỹ năng số, đang xây dựng Chương trình Phòng trào "Bình dân học vụ số: trên địa bàn tỉnh Quảng Ngãi với nhiều nội dung đào tạo, tập huấn về kỹ năng số cho  các bộ, công chức, viên chức và người dân trên địa bàn tỉnh;',
    ),
    17: (
        '',
        'Thường xuyên chỉ đạo thực hiện dự toán ngân sách nhà nước được giao bảo đảm đúng tiến độ, tiết kiệm, hiệu quả, đúng tiêu chuẩn, chế độ chi và hoàn thành nhiệm vụ được giao.',
    ),
    18: (
        'Đang triển khai',
        '',
    ),
    19: (
        '',
        '- Bố trí các cán bộ có chuyên môn về khoa học công nghệ, chuyển đổi số vào các vị trí phù hợp tại các đơn vị cấp xã trên địa bàn tỉnh;\n- Triển khai thực hiện Quyết định số 57/QĐ-UBND ngày 10/01/2025 về việc phê duyệt Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức cấp xã năm 2025 thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới theo Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ và Quyết định số 56/QĐ-UBND ngày 10/01/2025 về việc Phê duyệt Kế hoạch thực hiện nhiệm vụ đào tạo, bồi dưỡng cán bộ, công chức, viên chức và cán bộ, công chức cấp xã tỉnh Quảng Ngãi năm 2025; trong đó, lồng ghép 12 lớp bồi dưỡng có liên quan về chuyển đổi số, an toàn thông tin theo Kế hoạch\n- UBND tỉnh đã ban hành Kế hoạch số 125/KH-UBND ngày 02/6/2025 về Phát động và Tổ chức Phong trào "Bình dân học vụ số" trên địa bàn tỉnh Quảng Ngãi năm 2025',
    ),
    20: (
        '',
        'Triển khai công tác chuyển đổi phần mềm/hệ thống thông tin để đảm bảo vận hành, khai thác khi áp dụng mô hình chính quyền địa phương hai cấp (thời điểm hoàn thành ngày 01/7/2025): Phối hợp với các doanh nghiệp cung cấp dịch vụ để rà soát, lập phương án thực hiện',
    ),
    21: (
        '',
        'Sở Khoa học và Công nghệ đã phối hợp với các cơ quan, đơn vị liên quan thực hiện nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính, tích hợp Cổng dịch vụ công quốc gia; thực hiện cập nhật, đồng bộ 100% thủ tục hành chính của tỉnh lên Cơ sở dữ liệu quốc gia về thủ tục hành chính, đáp ứng việc triển khai dịch vụ công tập trung, duy nhất. Sở Khoa học và Công nghệ đã tổ chức tập huấn hướng dẫn các đơn vị, xã phường trong công tác xử lý hồ sơ, giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh vào cuối tháng 6/2025 để phục vụ cho quá trình thực hiện sáp nhập, cơ cấu tổ chức chính quyền địa phương 2 cấp. Đồng thời, thời gian qua đã phối hợp với VNPT khu vực (đơn vị cung cấp dịch vụ HTTT giải quyết TTHC tỉnh)  bố trí đội ngũ hỗ trợ trực tiếp các đơn vị. Qua đó, hướng dẫn các đơn vị thực hiện số hóa hồ sơ, kết quả giải quyết TTHC. Trong tháng 7/2025, theo thống kê trên Cổng DVCQG thì tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC đạt 63,51%, xếp vị trí thứ 8/34 tỉnh, thành; tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa đạt 74,95%.',
    ),
    22: (
        '',
        '- Chủ tịch Ủy ban nhân dân tỉnh tại Công văn số 464/UBND-TTHC ngày 20 tháng 7 năm 2025 yêu cầu Văn phòng Ủy ban nhân dân tỉnh, Ủy ban nhân dân cấp xã chỉ đạo Trung tâm Phục vụ hành chính công phối hợp với các cơ quan, đơn vị liên quan: Kiểm tra, chấn chỉnh tình trạng “cò làm giấy tờ” tại các Trung tâm Phục vụ hành chính công; xử lý nghiêm cán bộ, công chức, viên chức yêu cầu thêm thủ tục hành chính, giấy tờ ngoài quy định, đặc biệt là việc yêu cầu phải có VNeID khi nộp hồ sơ trực tiếp và việc yêu cầu xác nhận hoặc cam kết về sự trùng khớp giữa thông tin địa bàn hành chính mới với thông tin cũ theo giấy tờ đã được cơ quan nhà nước cấp.\n- Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh đã phổ biến, yêu cầu cán bộ, công chức, viên chức không yêu cầu thêm thủ tục hành chính, giấy tờ ngoài quy định; không yêu cầu phải có VNeID khi nộp hồ sơ trực tiếp và không yêu cầu xác nhận hoặc cam kết về sự trùng khớp địa bàn hành chính.\n- Tỉnh Quảng Ngãi đã có các văn bản hướng dẫn, quán triệt cán bộ trong việc thực hiện nghiêm túc các quy định pháp luật hiện hành, không yêu cầu cung cấp thêm giấy tờ ngoài quy định.',
    ),
    23: (
        '',
        '"Thông báo số 31/TB-UBND ngày 16/07/2025 Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại phiên họp Ủy ban nhân dân tỉnh thường kỳ tháng 6 năm 2025 đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh tháng 6, 6 tháng đầu năm 2025 và nhiệm vụ, giải pháp 6 tháng cuối năm 2025;\nSở KHCN ban hành công văn số 472/SKHCN-BCVT&CĐS ngày 27/07/2025 về V/v tập trung rà soát, nâng cấp, đầu tư một số nội dung trọng tâm về hạ tầng kỹ thuật và ứng dụng CNTT, chuyển đổi số đáp ứng yêu cầu chuyển đổi số liên thông, đồng bộ phục vụ mô hình chính quyền địa phương 02 cấp"',
    ),
    24: (
        '',
        'BTV Tỉnh ủy ban hành Kế hoạch hành động số 05-KH/TU ngày 21/7/2025 về triển khai thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị; Đảng ủy UBND tỉnh ban hành văn bản 77-CV/ĐUUBNDT ngày 20/07/2025 triển khai thực hiện Kế hoạch hành động thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương',
    ),
    25: (
        '',
        '(1)- Duy trì vận hành liên tục nền tảng LGSP tỉnh Quảng Ngãi; tổng số 45 ứng dụng kết nối, 37 dịch vụ liên thông đang hoạt động. Trong tháng 7, tiếp tục cập nhật và đồng bộ khoảng 2.000 mã định danh điện tử trong tổng số hơn 4.000 mã định danh, đảm bảo tính liên thông giữa các hệ thống sau sáp nhập.\n* Số dịch vụ đã kết nối từ bên ngoài (NDXP, VDXP):\n- Có 23 dịch vụ đã kết nối với nền tảng NDXP/VDXP quốc gia.\n1. Dịch vụ danh mục dùng chung\n2. Dịch vụ liên thông hồ sơ hành chính công\n3. Nhóm dịch vụ xác thực, cấp quyền người dùng tập trung (SSO)\n4. Tiếp nhận và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính/bưu chính công ích\n5. Dịch vụ liên thông với Cổng dịch vụ công quốc gia\n6. Dịch vụ liên thống với hệ thống báo cáo Quốc gia GRIS\n7. Dịch vụ liên thông Lý lịch tư pháp – Bộ Tư Pháp\n8. Dịch vụ liên thông Hộ Tịch tư pháp – Bộ Tư Pháp\n9. Dịch vụ thuế đất\n10. Dịch vụ cơ sở dữ liệu dân cư quốc gia của Bộ Công an\n11. Dịch vụ cơ sở dữ liệu đất đai của Bộ Nông nghiệp và Môi trường (VBDLIS)\n12. Dịch vụ cấp phép xây dựng của Bộ Xây dựng\n13. Dịch vụ giao thông vận tải của Bộ Xây dựng\n14. Liên thông cấp mã số ngân sách của Bộ Tài chính\n15. Liên thông văn bản quy phạm pháp luật Bộ Tư pháp\n16. Liên thông cấp phép nhà ở của Bộ Xây dựng\n17. Liên thông vnpostcode\n18. Đăng kí doanh nghiệp của Bộ Tài Chính\n19. Dịch vụ của Bảo hiểm xã hội\n20. Dịch vụ công của Bộ Lao động, Thương binh và Xã hội\n21. Dịch vụ Cán bộ công chức, viên chức\n22. Dịch vụ công thiết yếu của Bộ NN&MT\n23. Dịch vụ cơ sở dữ liệu về giá của Bộ Tài chính\n(2) Sử dụng hệ thống hiện có của tỉnh Quảng Ngãi để tiếp tục sử dụng cho tỉnh Quảng Ngãi (mới). Đã cấu hình cho các cơ quan, tổ chức trên hệ thống; đã thiết lập 8.200 tài khoản cho cán bộ, công chức (có liên quan). Đã hoàn thành cấu hình 2.192 TTHC (tăng do thực hiện 28 Nghị định về phân quyền, phân cấp; phân định thẩm quyền giữa Chính phủ và chính quyền địa phương 2 cấp). Tổng số dịch vụ công trực tuyến toàn trình và một phần đã tích hợp lên Cổng DVCQG: 1.784; trong đó: Toàn trình: 539, Một phần: 1.245.',
    ),
    26: (
        '',
        'Đến nay Sở Khoa học và Công nghệ đã tiếp nhận  153 đề xuất  nhiệm vụ, dự án khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số, đang  thực hiện các bước tiếp theo để phê duyệt thực hiện',
    ),
    27: (
        '',
        '100% thủ tục hành chính (TTHC) đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình. Đang tập trung nâng cao chất lượng dịch vụ công trực tuyến, nhất là dịch vụ công trực tuyến toàn trình, trong đó tập trung xây dựng, cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính có đủ điều kiện, có đối tượng tuân thủ lớn, tần suất thực hiện cao',
    ),
    28: (
        '',
        '',
    ),
    29: (
        '',
        'Tiếp nhận và xử lý dứt điểm, kịp thời mọi phản ánh, kiến nghị, sáng kiến, giải pháp liên quan đến chức năng, nhiệm vụ, thẩm quyền của tỉnh',
    ),
    30: (
        '',
        '96/96 các xã, phường, đặc khu của Tỉnh Quảng Ngãi đã đạt trạng thái Xanh (tỉnh Quảng Ngãi nằm trong nhóm trong 20 tỉnh, thành phố hoàn thành đầy đủ các nhiệm vụ trọng tâm theo Kế hoạch số 02/KH/BCĐTW)',
    ),
    31: (
        '',
        'Đ/c Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh trực tiếp,  thường xuyên kiểm tra, giám sát, sử dụng Hệ thống thông tin giám sát, đánh giá việc thực hiện Nghị quyết số 57-NQ/TW trên hệ thống nq.57.gov.vn làm công cụ thiết yếu trong chỉ đạo, điều hành hằng ngày để phát hiện sớm các điểm nghẽn, rủi ro',
    ),
    32: (
        'Đang triển khai',
        '',
    ),
    33: (
        '',
        'Thực hiện chế độ báo cáo đảm bảo chất lượng, đúng tiến độ',
    ),
    34: (
        '',
        'Hệ thống Thông tin giải quyết thủ tục hành chính tỉnh Quảng Ngãi đã đáp ứng yêu cầu, sẵn sàng thực hiện "một cửa số" (Không duy trì Cổng Dịch vụ công cấp tỉnh); đã được lựa chọn sử dụng cho tinh Quảng Ngãi mới (sát nhập Kon Tum)',
    ),
    35: (
        '',
        'UBND tỉnh ban hành: Quyết định số 1827-QĐ/TU ngày 11/02/2025 của Ban Thường vụ Tỉnh ủy đã thành lập Ban chỉ đạo của tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Quyết định số 1845-QĐ/TU ngày 21/02/2025 của Ban Thường vụ Tỉnh ủy kiện toàn Ban chỉ đạo của tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Quảng Ngãi; Quyết định số 1434-QĐ/TU ngày 05/02/2025 thành lập Ban chỉ đạo của tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh ủy Kon tum cũ; Quyết định số 1828-QĐ/TU ngày 11/02/2025 của Ban Thường vụ Tỉnh ủy quy định về chức năng, nhiệm vụ, quyền hạn, chế độ làm việc, quan hệ công tác của Ban Chỉ đạo của tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Quy chế làm việc số 02 -QC/BCĐ ngày 21/02/2025 của Ban Chỉ đạo của tỉnh về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Chương trình công tác số 06-CTr/BCĐ ngày 21/5/2025 của Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025; Chương trình số 95-CTr/TU ngày 24 tháng 01 năm 2025 của Ban Thường vụ Tỉnh ủy (Kon Tum cũ) về thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị “về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch hành động số 359-KH/TU ngày 29/4/2025 để triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 08/KH-BCĐ ngày 03/6/2025 Kế hoạch triển khai thực hiện Thông báo kết luận số 04-TB/BCĐTW ngày 30/5/2025 của đồng chí Tổng Bí thư Tô Lâm, Trưởng Ban Chỉ đạo Trung ương về phát triển khoahọc, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.\n- UBND tỉnh ban hành: Quyết định số 505/QĐ-UBND ngày 02/4/2025 về Thành lập Ban Chỉ đạo của Ủy ban nhân dân tỉnh Quảng Ngãi về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06; Quyết định số 425/QĐ-UBND ngày 12/6/2025 của UBND tỉnh về việc thành lập Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Kon Tum; Quyết định số 01/QĐ-UBND ngày 15/5/2025 của UBND tỉnh ban hành Quy chế hoạt động của Ban Chỉ đạo của UBND tỉnh Quảng Ngãi về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06; Kế hoạch số 02/KH-BCĐ ngày 15/5/2025 của Ban Chỉ đạo về Kế hoạch hoạt động năm 2025 Ban Chỉ đạo của UBND tỉnh Quảng Ngãi về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06; Quyết định số 327/QĐ-UBND ngày 26/5/2025 của UBND tỉnh ban hành Kế hoạch hành động thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch hành động số 359-KH/TU ngày 29/4/2025 của Ban Thường vụ Tỉnh uỷ về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (Thay thế Kế hoạch số 51/KH-UBND ngày 07/3/2025 của UBND tỉnh); Kế hoạch số 01/KH-BCĐ ngày 24/7/2025 của Ban chỉ đạo UBND tỉnh  thực hiện Kế hoạch số 08-KH/BCĐ của Tỉnh ủy triển khai thực hiện Thông báo kết luận số 04-TB/BCĐTW ngày 30/5/2025 của đồng chí Tổng Bí thư Tô Lâm, Trưởng Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Quyết định số 516/QĐ-UBND ngày 31/7/2025 của Chủ tịch UBND tỉnh thành lập Ban Chỉ đạo của Ủy ban nhân dân tỉnh Quảng Ngãi về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 (thay thế Quyết định số 505/QĐ-UBND ngày 02/4/2025)',
    ),
    36: (
        '',
        'Đã đăng ký, công bố, công khai và cung cấp tổng cộng 1380 dịch vụ công trực tuyến, trong đó dịch vụ công trực tuyến toàn trình là 734 dịch vụ công. Tại Kon Tum cũ đã cung cấp, công bố 1.099 dịch vụ công toàn trình. 100% đã được cung cấp trên cổng tỉnh Quảng Ngãi và tích hợp Cổng dịch vụ công Quốc gia\nTiếp tục cập nhật bổ sung dịch vụ công trực tuyến toàn trình hàng tháng cho đến khi cung cấp đủ 100% thủ tục hành chính đủ điều kiện thực hiện dịch vụ công trực tuyến toàn trình',
    ),
    37: (
        '',
        'Rà soát, hoàn thiện các nhiệm vụ quá hạn, đảm bảo mục tiêu chung toàn hệ thống',
    ),
    38: (
        '',
        'Thực hiện nghiêm túc chế độ báo cáo theo hướng dẫn của Trung ương',
    ),
}

# Text found in the result column of the seed that belongs to no result: "31/12/2025" stands
# alone between the results of tasks 27 and 29. Most likely the rest of task 28's deadline
# cell ("Các bộ, cơ quan, địa phương, doanh nghiệp và người dân" / "31/12/2025") that the PDF
# export moved to the second half. Kept here, not used as a result.
RESULT_COLUMN_ORPHANS: dict[int, str] = {28: "31/12/2025"}

# How the second half of the seed was aligned to tasks where it is not self-evident.
ALIGNMENT_NOTES: dict[int, str] = {
    1: "Only the status 'Đang thực hiện' precedes task 2's result on the first page; taken as task 1's status.",
    3: "'Không thuộc nhiệm vụ' is the first entry after the Nhóm 2 row: task 3 (tasks of centrally-run cities).",
    4: "'Đang triển khai' follows task 4's result; taken as task 4's status (task 5 then has nothing).",
    5: "Nothing in the seed; task 5 addresses ministries.",
    9: "'Không thuộc nhiệm vụ' after task 8's result: task 9 (deadline 'Các bộ, cơ quan').",
    10: "First of two 'Đang triển khai' after task 9.",
    11: "Second of two 'Đang triển khai' after task 9.",
    13: "'Đang triển khai' after task 12's result.",
    14: "'Đợi hướng dẫn của Trung ương' (legal basis of the central data store) before task 15's archive result.",
    17: "Result paragraph directly follows task 16's result on the same page.",
    18: "'Đang triển khai' closes the page of tasks 16-18.",
    20: "Page of tasks 19-21 has three results; taken in order (software conversion -> task 20).",
    21: "Page of tasks 19-21: third result (upgrade of the provincial TTHC system) -> task 21.",
    28: "Nothing but the orphan '31/12/2025' (see RESULT_COLUMN_ORPHANS).",
    32: "'Đang triển khai' closes the page of tasks 27-32.",
}
