"""Qt-free core: content, quiz rules, scoring and storage. Imports no PySide6."""
