"""`--set KEY=VALUE`: a key given dotted or by its last part alone, a value read as a TOML array or a
list for list fields, applied to a copy of a ReportConfig and checked like nq57.toml."""

from __future__ import annotations

import difflib
import re
import tomllib
from typing import Any

from pydantic import ValidationError

from nq57cli.errors import UsageError
from nq57cli.domain.config import ReportConfig, config_keys
from nq57cli.domain.configfile import describe_error, split_dotted


def _resolve_key(key: str) -> list[str]:
    """'signer.name' as given; a bare leaf name ('number') when it names one field only."""
    parts = split_dotted(key.strip())
    if not parts:
        raise UsageError("--set cần dạng KHÓA=GIÁ TRỊ.", "--set needs KEY=VALUE.")
    if parts[0] in ReportConfig.model_fields:
        return parts
    candidates = [k for k in config_keys() if k.split(".")[-1] == parts[-1] and len(parts) == 1]
    if len(candidates) == 1:
        return candidates[0].split(".")
    close = difflib.get_close_matches(key, config_keys(), n=3)
    hint = f" ({', '.join(candidates or close)})" if candidates or close else ""
    raise UsageError(f"--set: không có khóa \"{key}\"{hint}.", f"--set: no key \"{key}\"{hint}.")


def _parse_value(text: str, is_list: bool) -> Any:
    """A --set value: a TOML array when it starts with '[', a list split on ';' for list fields."""
    value = text.strip()
    if value.startswith("["):
        try:
            return tomllib.loads(f"v = {value}")["v"]
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"--set: mảng không hợp lệ {value}: {exc}", f"--set: invalid array {value}: {exc}") from None
    if is_list:
        if not value:
            return []
        if ";" not in value and all(re.fullmatch(r"[a-z0-9\-]+", p.strip()) for p in value.split(",")):
            return [p.strip() for p in value.split(",")]
        return [p.strip() for p in value.split(";") if p.strip()]
    return value


def apply_overrides(config: ReportConfig, overrides: dict[str, str]) -> ReportConfig:
    """A copy of config with `--set key=value` pairs applied ('document.number', 'signer.name', ...)."""
    data = config.model_dump(mode="python")
    for key, raw in overrides.items():
        parts = _resolve_key(key)
        target = data
        for part in parts[:-1]:
            if not isinstance(target.get(part), dict):
                target[part] = {}
            target = target[part]
        current = target.get(parts[-1])
        target[parts[-1]] = _parse_value(raw, isinstance(current, list))
    try:
        return ReportConfig.model_validate(data)
    except ValidationError as exc:
        error = describe_error(exc, {}, "--set")
        raise UsageError(error.message_vi, error.message_en) from None

