"""The explorer page in headless Chromium (Debian's chromium and chromedriver, which .ci/run installs):
load /, pick an example query, run it, see rows, downloads and the network view."""
from __future__ import annotations

import os
import shutil

import httpx
import pytest

from vnfa.ingest.pipeline import ingest
from vnfa.resources import data_path
from vnfa.serve.app import ServeSettings, serving
from vnfa.store.open import opened

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
         "--window-size=1280,1400"]

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)) and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                "chromium-driver); CI installs them and runs this test", allow_module_level=True)


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("page") / "store"
    with opened(folder) as dataset:
        ingest([data_path("articles", "seed.txt")], dataset, progress=False)
    with serving(ServeSettings(store=str(folder))) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(browser, css: str, timeout: float = 30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_example_query_shows_rows_downloads_and_network(browser, url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(url + "/")
    assert "Truy vấn" in browser.find_element(By.TAG_NAME, "h2").text
    wait_for(browser, "#examples option[value='who-holds-what']")
    Select(browser.find_element(By.ID, "examples")).select_by_value("who-holds-what")
    assert "org:Membership" in browser.find_element(By.ID, "query").get_property("value")
    browser.find_element(By.ID, "run").click()
    wait_for(browser, "#results-table tbody tr")
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#results-table th")]
    assert headers == ["person", "title", "org", "country", "status", "asOf", "article", "date"]
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in browser.find_elements(By.CSS_SELECTOR, "#results-table tbody tr")]
    assert any(row[:5] == ["Tô Lâm", "Tổng Bí thư", "Đảng Cộng sản Việt Nam", "VN", "current"] and row[6] == "seed"
               for row in rows)
    svg = wait_for(browser, "#network svg").get_attribute("outerHTML")
    assert "Tô Lâm" in svg and ">Loại nút<" in svg  # drawn as vnfa draw --query draws it: legend and caption
    assert "kết quả truy vấn SPARQL trên kho gồm 1 bài báo" in svg
    csv_link = browser.find_element(By.ID, "download-csv").get_attribute("href")
    assert "Tô Lâm,Tổng Bí thư" in httpx.get(csv_link).text


def run_on_page(browser, url: str, query: str) -> None:
    """Open the page, type a query into the editor and run it."""
    from selenium.webdriver.common.by import By

    browser.get(url + "/")
    box = browser.find_element(By.ID, "query")
    box.clear()
    box.send_keys(query)
    browser.find_element(By.ID, "run").click()


def test_bad_query_shows_the_parser_message(browser, url):
    run_on_page(browser, url, "SELECT * WHERE { ?s ?p }")
    error = wait_for(browser, "#error:not([hidden])")
    assert error.text.startswith("SPARQL syntax error at line 1, column")


def test_page_loads_nothing_from_other_hosts(browser, url):
    browser.get(url + "/")
    wait_for(browser, "#examples option[value='visits']")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(name.startswith(url) for name in loaded)


def test_clicking_a_node_of_the_network_describes_it(browser, url):
    from selenium.webdriver.common.by import By

    run_on_page(browser, url, "SELECT ?a ?b WHERE { ?a vnfa:met ?b }")
    node = wait_for(browser, "#network a[*|href='https://w3id.org/vnfa/id/person/to-lam']")
    browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                           node.find_element(By.XPATH, "./*"))
    description = wait_for(browser, "#results pre")
    assert browser.find_element(By.ID, "query").get_property("value") == "DESCRIBE <https://w3id.org/vnfa/id/person/to-lam>"
    assert '"Tô Lâm"@vi' in description.text
