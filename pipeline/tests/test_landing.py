"""Landing detection: complete, settled year folders, one run id per set of files."""

import os

import pytest

from accidentml.landing import landed, year_of

FILES = ("caracteristiques-{y}.csv", "lieux-{y}.csv", "vehicules-{y}.csv", "usagers-{y}.csv")


def land(root, year, files=FILES, age=60):
    folder = root / str(year)
    folder.mkdir(parents=True)
    for name in files:
        path = folder / name.format(y=year)
        path.write_text("x\n")
        os.utime(path, (path.stat().st_atime - age, path.stat().st_mtime - age))
    return folder


def test_complete_settled_years_oldest_first(tmp_path):
    land(tmp_path, 2021)
    land(tmp_path, 2020)
    found = landed(tmp_path, settle_seconds=10)
    assert [f["year"] for f in found] == [2020, 2021]
    assert found[0]["folder"] == str(tmp_path / "2020")
    assert found[0]["run_id"].startswith("landed__2020__")


def test_incomplete_or_fresh_years_wait(tmp_path):
    land(tmp_path, 2020, files=FILES[:3])
    land(tmp_path, 2021, age=0)
    (tmp_path / "notes").mkdir()
    assert landed(tmp_path, settle_seconds=10) == []
    assert landed(tmp_path / "absent") == []


def test_other_files_give_another_run_id(tmp_path):
    folder = land(tmp_path, 2022)
    first = landed(tmp_path)[0]["run_id"]
    assert landed(tmp_path)[0]["run_id"] == first
    (folder / "usagers-2022.csv").write_text("x\nmore\n")
    os.utime(folder / "usagers-2022.csv", (0, 1_000_000))
    assert landed(tmp_path)[0]["run_id"] != first


def test_year_of_a_folder(tmp_path):
    assert year_of(tmp_path / "2019") == 2019
    other = land(tmp_path, 2018).rename(tmp_path / "incoming")
    assert year_of(other) == 2018
    with pytest.raises(ValueError, match="one year"):
        year_of(tmp_path)
