"""The public marketplace: a static site (no script, nothing from elsewhere) and a PDF of every agency with
its services, qualifications, stars by quarter and year, its status and what the park's rules made of it;
opened in headless Chromium, at a desk and on a phone, with screenshots."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from agencies_market import Market, close
from station_agencies import publish, services
from station_agencies.catalogue import load
from station_agencies.models import Agency

from station.core import printing

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
AFTER_Q3 = dt.datetime(2026, 10, 9, 2, tzinfo=dt.UTC)


@pytest.fixture
def published(park: Market, admin, tmp_path):
    close(park, admin, "2026Q2", dt.datetime(2026, 7, 2, 2, tzinfo=dt.UTC))
    close(park, admin, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))
    with park.ctx.work(admin) as work:  # a name as a synced row may carry it: markup is shown, never obeyed
        a = work.session.query(Agency).filter_by(uid=park.agencies["valid3"]).one()
        a.name = '<img src=x onerror=alert(1)>天衡&"造价"'
    out = tmp_path / "site"
    with park.ctx.read() as session:
        written = publish.publish(session, out, issuer="玉门市企业服务站", cat=load(park.ctx.data_dir), now=AFTER_Q3)
    return park, out, written


def test_the_site_and_the_pdf_carry_every_agency_with_its_stars_and_status(published) -> None:
    _park, out, written = published
    assert written["quarters"] == ["2026Q1", "2026Q2", "2026Q3"] and written["closed"] == "2026Q3"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert written["agencies"] == 8 and page.count('<article class="card') == 8
    assert "玉门恒信工程造价咨询有限公司" in page and "★★★★★" in page and "★☆☆☆☆" in page
    assert "评价不足" in page and "可直接邀请" in page and "连续 2 个季度（2026Q2、2026Q3）" in page
    assert "已过期" in page  # the expired qualification says so
    # Nothing from elsewhere and nothing that runs: the park's site may be opened offline
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "<script" not in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;天衡&amp;&quot;造价&quot;" in page
    assert '<html lang="zh-CN">' in page and 'name="viewport"' in page
    text = printing.pdf_text(out / publish.PDF_NAME)
    assert "中介超市入驻机构名录" in text and "玉门正大工程造价咨询有限公司" in text and "★★★★★" in text
    assert "暂停参与随机抽取" in text.replace("\n", "")


def test_publish_from_the_command_line(published, capsys) -> None:
    from station import cli

    park, out, _ = published
    data = str(park.ctx.data_dir)
    park.ctx.close()
    assert cli.main(["--data-dir", data, "agencies", "publish", "--out", str(out / "again"), "--quarter", "2026Q3",
                     "--json"]) == 0  # fmt: skip
    written = json.loads(capsys.readouterr().out)
    assert written["agencies"] == 8 and (out / "again" / "index.html").is_file()
    assert cli.main(["--data-dir", data, "agencies", "publish", "--out", str(out / "x"), "--quarter", "=1+1"]) != 0
    assert "写法不对" in capsys.readouterr().err
    park.ctx.open()


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Chromium and chromium-driver are not installed")
def test_the_site_in_headless_chromium_at_a_desk_and_on_a_phone(published, tmp_path) -> None:
    from PIL import Image
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    _park, out, _ = published
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        shots = {}
        for name, (width, height) in (("desk", (1366, 900)), ("phone", (390, 844))):
            driver.set_window_size(width, height)
            driver.get((out / "index.html").as_uri())
            body = driver.find_element(By.TAG_NAME, "body").text
            for label in ("玉门恒信工程造价咨询有限公司", "玉门正大工程造价咨询有限公司", "中介超市入驻机构名录"):
                assert label in body
            assert "★★★★★" in body and "暂停" in body and "可直接邀请" in body
            # The stylesheet was found and applied (the header is blue), and nothing is wider than the screen
            header = driver.find_element(By.TAG_NAME, "header").value_of_css_property("background-color")
            assert header in ("rgba(47, 111, 176, 1)", "rgb(47, 111, 176)")
            assert driver.execute_script("return document.documentElement.scrollWidth") <= width
            shots[name] = tmp_path / f"market-{name}.png"
            tall = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(int(tall) + 20, 6000))  # the whole page in one picture
            driver.save_screenshot(str(shots[name]))
        # The stars are drawn (in their gold), not boxes: count the gold pixels of the desk screenshot
        image = Image.open(shots["desk"]).convert("RGB")
        gold = sum(1 for r, g, b in image.get_flattened_data() if r > 200 and 120 < g < 170 and b < 60)
        assert gold > 200, gold
    finally:
        driver.quit()
    assert services.STATUSES["suspended"] == "暂停"
