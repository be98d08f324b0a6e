"""Back up the database to a file, or restore it from one (README: "Backups").

    python scripts/backup.py backup FILE     # while the site runs
    python scripts/backup.py restore FILE    # with the site stopped

The database is the one the site uses (DATABASE_URL, as in the settings).
SQLite is copied page by page through SQLite's online backup, consistent even
while the site writes. PostgreSQL goes through pg_dump's custom format and
pg_restore, in one transaction: a restore that fails changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def database() -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django
    from django.conf import settings

    django.setup()
    return settings.DATABASES["default"]


def _sqlite_copy(source: str | Path, target: str | Path) -> None:
    """The whole of one database file into another, as one consistent snapshot."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _postgres(db: dict) -> tuple[list[str], dict[str, str]]:
    """Connection options for the PostgreSQL tools, the password in their environment."""
    options = [f"--dbname={db['NAME']}", f"--username={db['USER']}"]
    options += [f"--host={db['HOST']}"] if db.get("HOST") else []
    options += [f"--port={db['PORT']}"] if db.get("PORT") else []
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # never on the command line, where ps shows it
    return options, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(db: dict, path: Path) -> None:
    if db["ENGINE"].endswith("sqlite3"):
        _sqlite_copy(db["NAME"], path)
    elif db["ENGINE"].endswith("postgresql"):
        options, env = _postgres(db)
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", *options], env)
    else:
        raise BackupError(f"no backup for the database engine {db['ENGINE']}")


def restore(db: dict, path: Path) -> None:
    if not path.is_file():
        raise BackupError(f"no backup file {path}")
    header = path.read_bytes()[:16]
    if db["ENGINE"].endswith("sqlite3"):
        if not header.startswith(b"SQLite format 3"):
            raise BackupError(f"{path} is not an SQLite backup")
        _sqlite_copy(path, db["NAME"])
    elif db["ENGINE"].endswith("postgresql"):
        if not header.startswith(b"PGDMP"):
            raise BackupError(f"{path} is not a pg_dump backup (custom format)")
        options, env = _postgres(db)
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*command, *options, str(path)], env)
    else:
        raise BackupError(f"no restore for the database engine {db['ENGINE']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["backup", "restore"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    try:
        (backup if args.action == "backup" else restore)(database(), args.file)
    except BackupError as error:
        print(f"{args.action} failed: {error}", file=sys.stderr)
        return 1
    print(f"{args.action}: done ({args.file})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
