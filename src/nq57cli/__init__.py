"""nq57 — tổng hợp báo cáo thực hiện Nghị quyết 57-NQ/TW từ các tệp Excel của các cơ quan."""

__version__ = "0.1.0"
