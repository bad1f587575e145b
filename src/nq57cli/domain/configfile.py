"""Reading `nq57.toml`: where it is by default, TOML parsed into a ReportConfig (paths made relative to
its folder), and a refused value or key told as a UsageError naming the key and its line."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path

from pydantic import ValidationError

from nq57cli.errors import UsageError
from nq57cli.domain.config import CONFIG_NAME, ConfigValueError, ReportConfig, config_keys


def default_config_path(folder: Path | None = None) -> Path | None:
    """`nq57.toml` in `folder` (the working folder by default) when it exists."""
    path = (folder or Path.cwd()) / CONFIG_NAME
    return path if path.is_file() else None


def split_dotted(key: str) -> list[str]:
    """'a."b.c".d' → ['a', 'b.c', 'd'] (TOML dotted keys, quotes allowed)."""
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', key)
    return [next(p for p in part if p) if any(part) else "" for part in parts]


def _key_lines(text: str) -> dict[str, int]:
    """Dotted key path → line number where it is set or its table opens (best effort)."""
    lines: dict[str, int] = {}
    prefix: list[str] = []
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        code = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', '""', line).split("#", 1)[0]
        if depth > 0:
            depth += code.count("[") - code.count("]")
            continue
        header = re.match(r"\s*\[\[?\s*(.+?)\s*\]\]?\s*$", line.split("#", 1)[0])
        if header:
            prefix = split_dotted(header.group(1))
            lines.setdefault(".".join(prefix), number)
            continue
        assign = re.match(r"\s*((?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*'))*)\s*=",
                          line)
        if assign:
            lines.setdefault(".".join(prefix + split_dotted(assign.group(1))), number)
            value = code[code.index("=") + 1:]
            depth = max(0, value.count("[") - value.count("]"))
    return lines




def describe_error(exc: ValidationError, lines: dict[str, int], source: str) -> UsageError:
    """The first validation error as a message naming the key (and its line in the file)."""
    problems_vi, problems_en = [], []
    for error in exc.errors()[:5]:
        loc = [str(p) for p in error["loc"] if not isinstance(p, int)]
        key = ".".join(loc) or "(gốc)"
        line = None
        for cut in range(len(loc), 0, -1):
            line = lines.get(".".join(loc[:cut]))
            if line:
                break
        where_vi = f" (dòng {line})" if line else ""
        where_en = f" (line {line})" if line else ""
        if error["type"] == "extra_forbidden":
            close = difflib.get_close_matches(key, config_keys(), n=1)
            hint_vi = f"; có phải \"{close[0]}\"?" if close else ""
            hint_en = f"; did you mean \"{close[0]}\"?" if close else ""
            problems_vi.append(f"khóa không hợp lệ \"{key}\"{where_vi}{hint_vi}")
            problems_en.append(f"unknown key \"{key}\"{where_en}{hint_en}")
        else:
            message = str(error["msg"]).removeprefix("Value error, ")
            cause = (error.get("ctx") or {}).get("error")
            problems_vi.append(f"\"{key}\"{where_vi}: {message}")
            problems_en.append(f"\"{key}\"{where_en}: {cause.message_en if isinstance(cause, ConfigValueError) else message}")
    return UsageError(f"Cấu hình {source} không hợp lệ: " + "; ".join(problems_vi),
                      f"Invalid configuration {source}: " + "; ".join(problems_en))


def load_config(path: Path | None) -> ReportConfig:
    """Read nq57.toml (None → the built-in defaults); UsageError naming the key and line on a bad file."""
    if path is None:
        return ReportConfig()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"Không có tệp cấu hình {path}.", f"No configuration file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"Không đọc được tệp cấu hình {path}: {exc}",
                         f"Cannot read the configuration file {path}: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc).replace("at line", "tại dòng").replace("column", "cột").replace("at end of document",
                                                                                          "ở cuối tệp")
        raise UsageError(f"Tệp cấu hình {path} sai cú pháp TOML: {detail}",
                         f"The configuration file {path} is not valid TOML: {exc}") from None
    try:
        config = ReportConfig.model_validate(data)
    except ValidationError as exc:
        raise describe_error(exc, _key_lines(text), str(path)) from None
    for key in ("template_dir", "catalog", "submissions"):  # relative to the folder of nq57.toml
        value = getattr(config, key)
        if value is not None and not value.is_absolute():
            setattr(config, key, (path.parent / value).resolve())
    return config

