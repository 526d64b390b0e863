"""`pressmon info`: where the data is. Imports nothing heavy: it must start fast."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from pressmon.cli.help_text import command
from pressmon.data_info import describe, human_size
from pressmon.web.formatting import number


@command()
@click.option("--json", "as_json", is_flag=True, help="Một đối tượng JSON.")
@click.pass_obj
def info(app, as_json: bool) -> None:
    """Kho bài, cơ sở dữ liệu trạng thái, mô hình và các tệp xuất nằm ở đâu, kèm dung lượng và
    phiên bản."""
    report = describe(app.settings)
    if as_json:
        data = asdict(report)
        for row in data["locations"]:
            row["path"] = str(row["path"])
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Kiểu lưu trữ: {report.backend}")
    for row in report.locations:
        details = [human_size(row.size_bytes) if row.exists else "chưa có"]
        if row.schema_version is not None:
            details.append(f"phiên bản lược đồ {row.schema_version}")
        if row.articles is not None:
            details.append(f"{number(row.articles)} bài")
        if row.initialised is False:
            details.append("chưa khởi tạo")
        if row.problem:
            details.append(f"không đọc được: {row.problem}")
        click.echo(f"{row.label}: {row.path}  ({', '.join(details)})")


COMMANDS = (info,)
