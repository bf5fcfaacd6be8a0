"""Vietnamese messages about files the user gives (rosters, bundles)."""


def not_found(path: object) -> str:
    return f"Không tìm thấy tệp {path}."


def is_directory(path: object, kind: str) -> str:
    return f"{path} là một thư mục, không phải {kind}."


def unreadable(path: object, reason: str) -> str:
    return f"Không đọc được tệp {path}: {reason}."


def too_large(path: object, kind: str, limit_mb: int) -> str:
    return f"Tệp {path} quá lớn: {kind} không được vượt quá {limit_mb} MB."


def not_regular(path: object, kind: str) -> str:
    return (
        f"{path} không phải tệp thường (mà là thiết bị, đường ống hoặc ổ cắm) "
        f"nên không thể là {kind}."
    )
