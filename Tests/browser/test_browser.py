"""The interactive report and `actorgraph serve`, in a real browser (Debian's chromium driven by
playwright, whose own browser downloads are not used: executable_path).

Run by scripts/test after the Swift build: pytest Tests/browser. Needs ACTORGRAPH_BIN (the
`actorgraph` built with `actorgraph-server` beside it) and CHROMIUM (the browser's path).
"""
import concurrent.futures
import http.client
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import time

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("ACTORGRAPH_BIN", str(ROOT / ".build/debug/actorgraph"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
SEED = ROOT / "graphs/iraq-axis-2021-2024.yaml"
SEEDS = (ROOT / "seeds").resolve()
SHOTS = pathlib.Path(os.environ.get("ACTORGRAPH_SCREENSHOTS", str(ROOT / "out")))

if not CHROMIUM:
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


def ag(*args, check=True):
    return subprocess.run([BIN, *map(str, args)], capture_output=True, text=True, check=check)


# ---------- dates as the library reads them (RelationFilter.asOf) ----------
def dstart(d):
    p = d.split("-")
    return (int(p[0]), int(p[1]) if len(p) > 1 else 1, int(p[2]) if len(p) > 2 else 1)


def dend(d):
    p = d.split("-")
    return (int(p[0]), int(p[1]) if len(p) > 1 else 12, int(p[2]) if len(p) > 2 else 31)


def kept_as_of(relations, as_of):
    return {r["id"] for r in relations
            if r["date"] and dstart(r["date"]) <= dend(as_of) and not (r["until"] and dend(r["until"]) < dstart(as_of))}


# ---------- fixtures ----------
@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Page:
    """A page with its console errors and uncaught exceptions recorded, and dialogs refused."""

    def __init__(self, browser, url):
        self.context = browser.new_context(viewport={"width": 1500, "height": 950})
        self.page = self.context.new_page()
        self.errors, self.dialogs = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.wait_for_selector("html[data-ready=true]", timeout=15000)

    def data(self):
        return self.page.evaluate("JSON.parse(document.getElementById('ag-data').textContent)")

    def visible_edges(self):
        return set(self.page.evaluate("""Array.from(document.querySelectorAll('#ag-drawing g.edge.relation'))
            .filter(g => getComputedStyle(g).display !== 'none').map(g => g.id)"""))

    def set_as_of(self, month):
        months = json.loads(self.page.get_attribute("#ag-asof", "data-months"))
        self.page.fill("#ag-asof", str(months.index(month)))

    def drawn(self):
        """Waits until a live page's drawing shows the current view (the page marks a drawing it has
        asked the server for with aria-busy=true); a static report has nothing to wait for."""
        self.page.wait_for_selector("#ag-drawing:not([aria-busy=true])", timeout=15000)

    def close(self):
        self.context.close()


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report.html"
    ag("report", SEED, "-o", out)
    return out


def check_actor_panel(p):
    p.page.click("#ag-drawing g.node#hamas")
    p.page.wait_for_selector("#ag-panel-body[data-actor=hamas] .ag-quote")
    quotes = p.page.locator("#ag-panel-body .ag-quote").all_text_contents()
    graph_quotes = {e["quote"] for r in p.data()["relations"] if "hamas" in (r["source"], r["target"]) for e in r["evidence"]}
    assert quotes and set(quotes) <= graph_quotes
    assert p.page.locator("#ag-panel-body .ag-cite").count() == len(quotes)


def check_slider(p, month="2022-12"):
    data = p.data()
    p.set_as_of(month)
    expected = kept_as_of(data["relations"], month)
    p.page.wait_for_function(f"document.getElementById('ag-status').getAttribute('data-visible-relations') === '{len(expected)}'")
    p.drawn()
    visible = p.visible_edges()
    assert visible == expected, (len(visible), len(expected))
    later = [r for r in data["relations"] if r["date"] and dstart(r["date"]) > dend(month)]
    assert later and not ({r["id"] for r in later} & visible)
    return expected


def check_path(p):
    cli = json.loads(ag("path", SEED, "Qatar", "kataib-imam-ali", "--format", "json").stdout)
    p.page.fill("#ag-path-from", "Qatar")
    p.page.fill("#ag-path-to", "Kataib al-Imam Ali")
    p.page.click("#ag-path-go")
    p.page.wait_for_selector("#ag-path-result .ag-hop")
    hops = p.page.locator("#ag-path-result .ag-hop")
    assert hops.count() == len(cli["paths"][0]["hops"]) == 2
    for i in range(hops.count()):
        assert hops.nth(i).locator(".ag-quote").count() >= 1
    heads = p.page.locator("#ag-path-result .ag-hop-head").all_text_contents()
    assert heads[0].startswith("Qatar") and heads[-1].endswith("Kataib al-Imam Ali")
    assert p.page.locator("#ag-drawing g.edge.ag-onpath").count() >= 2
    assert p.page.locator("#ag-drawing g.node.ag-onpath").count() == 3


# ---------- the report ----------
def test_report_opens_clean_and_is_self_contained(browser, seed_report):
    text = seed_report.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), "no external resources"
    requests = []
    p = Page(browser, seed_report.as_uri())
    p.page.on("request", lambda r: requests.append(r.url))
    p.page.wait_for_timeout(300)
    assert p.errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert p.page.locator("#ag-drawing g.node.actor").count() == len(p.data()["actors"])
    assert p.page.locator("#ag-drawing g.edge.relation").count() == len(p.data()["relations"])
    p.close()


def test_report_click_actor_shows_quotes(browser, seed_report):
    p = Page(browser, seed_report.as_uri())
    check_actor_panel(p)
    # a real click on the middle of a relation's line
    rid = "hamas-opposes-israel"
    x, y = p.page.evaluate("""id => { const path = document.getElementById(id).querySelector('path:not(.ag-hit)');
        const pt = path.getPointAtLength(path.getTotalLength() / 2), m = path.getScreenCTM();
        return [pt.x * m.a + pt.y * m.c + m.e, pt.x * m.b + pt.y * m.d + m.f]; }""", rid)
    p.page.mouse.click(x, y)
    p.page.wait_for_selector(f"#ag-panel-body[data-relation={rid}] .ag-quote")
    assert p.errors == []
    p.close()


def test_report_slider_2022_hides_later_relations(browser, seed_report):
    p = Page(browser, seed_report.as_uri())
    check_slider(p)
    # The CLI's drawing as of the same month holds the same relations.
    svg = ag("render", SEED, "--as-of", "2022-12", "--no-legend", "-o", "-", "--format", "svg").stdout
    cli = set(re.findall(r'<g id="([^"]+)" class="edge"', svg.replace("&#45;", "-")))
    assert p.visible_edges() == {i for i in cli if not i.startswith("edge")} - {i for i in cli if ":" in i}
    p.page.fill("#ag-asof", p.page.get_attribute("#ag-asof", "max"))
    p.page.wait_for_function("document.getElementById('ag-asof-label').textContent === 'all dates'")
    assert len(p.visible_edges()) == len(p.data()["relations"])
    assert p.errors == []
    p.close()


def test_report_filters_search_timeline(browser, seed_report):
    p = Page(browser, seed_report.as_uri())
    data = p.data()
    p.page.uncheck("#ag-f-types-opposes")
    assert p.visible_edges() == {r["id"] for r in data["relations"] if r["type"] != "opposes"}
    p.page.check("#ag-f-types-opposes")
    p.page.uncheck("#ag-f-modalities-reported")
    assert p.visible_edges() == {r["id"] for r in data["relations"] if r["modality"] != "reported"}
    p.page.check("#ag-f-modalities-reported")
    p.page.uncheck("#ag-f-kinds-person")
    kinds = {a["id"]: a["kind"] for a in data["actors"]}
    assert p.visible_edges() == {r["id"] for r in data["relations"] if "person" not in (kinds[r["source"]], kinds[r["target"]])}
    p.page.check("#ag-f-kinds-person")
    p.page.fill("#ag-search", "nujaba")
    p.page.wait_for_selector("#ag-search-results button[data-actor=harakat-al-nujaba]")
    p.page.click("#ag-search-results button[data-actor=harakat-al-nujaba]")
    p.page.wait_for_selector("#ag-panel-body[data-actor=harakat-al-nujaba]")
    months = json.loads(p.page.get_attribute("#ag-asof", "data-months"))
    assert p.page.locator("#ag-timeline-svg .ag-tl-month").count() == len(months)
    p.page.locator("#ag-timeline-svg .ag-tl-month[data-month='2023-10']").click()
    assert p.page.text_content("#ag-asof-label") == "2023-10"
    # pan and zoom change the drawing's viewBox
    before = p.page.get_attribute("#ag-drawing svg", "viewBox")
    p.page.click("#ag-zoom-in")
    assert p.page.get_attribute("#ag-drawing svg", "viewBox") != before
    p.page.mouse.move(700, 400)
    p.page.mouse.wheel(0, 300)
    p.page.click("#ag-zoom-fit")
    assert p.errors == []
    p.close()


def test_report_path_finder(browser, seed_report):
    p = Page(browser, seed_report.as_uri())
    check_path(p)
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.page.click("#ag-drawing g.node#hamas")
    p.page.screenshot(path=str(SHOTS / "report-screenshot.png"))
    assert p.errors == []
    p.close()


HOSTILE = """
title: "</script><script>window.__pwned=1</script> & <b>bold</b>"
documents:
  - {id: d1, path: d1.txt, title: "<img src=x onerror=window.__pwned=2>"}
actors:
  - {id: evil, name: "<script>window.__pwned=3</script>", kind: group, aliases: ["</script><!--", "a\\u2028b"]}
  - {id: quote, name: "\\"Quoted\\" & 'apostrophe' <i>", kind: person}
  - {id: rtl, name: "حماس – חמאס", kind: organization, aliases: ["حركة المقاومة الإسلامية"]}
relations:
  - {source: evil, target: quote, type: supports, date: 2022-01, evidence: [{document: d1, quote: "<img src=x onerror=window.__pwned=4> \\u2028 ]]> --> </script>"}]}
  - {source: rtl, target: quote, type: opposes, date: 2023-05, evidence: [{document: d1, quote: "قال المتحدث باسم الحركة إن «الدعم مستمر»"}]}
"""


def test_report_hostile_names_stay_text(browser, tmp_path):
    (tmp_path / "d1.txt").write_text("x")
    g = tmp_path / "hostile.yaml"
    g.write_text(HOSTILE)
    out = tmp_path / "hostile.html"
    ag("report", g, "--no-quotes", "-o", out)
    p = Page(browser, out.as_uri())
    assert p.page.evaluate("window.__pwned") is None
    assert p.dialogs == [] and p.errors == []
    assert p.page.locator("img, b, i").count() == 0
    assert p.page.text_content("#ag-title") == "</script><script>window.__pwned=1</script> & <b>bold</b>"
    p.page.click("#ag-drawing g.node#evil")
    assert p.page.text_content("#ag-panel-body h2") == "<script>window.__pwned=3</script>"
    assert "<img src=x onerror=window.__pwned=4>" in p.page.text_content("#ag-panel-body .ag-quote")
    p.page.click("#ag-drawing g.node#rtl")
    assert p.page.text_content("#ag-panel-body h2") == "حماس – חמאס"
    p.page.fill("#ag-search", "المقاومة")
    p.page.wait_for_selector("#ag-search-results button[data-actor=rtl]")
    assert p.page.evaluate("window.__pwned") is None
    p.page.screenshot(path=str(SHOTS / "report-hostile-screenshot.png"))
    p.close()


# ---------- serve ----------
def prepare_corpus(tmp):
    """The seed graph and a candidates file in `tmp`, citing the seed articles by absolute corpus."""
    graph = SEED.read_text().replace("corpus: ../seeds", f"corpus: {SEEDS}")
    (tmp / "graph.yaml").write_text(graph)
    (tmp / "candidates.yaml").write_text(f"""title: candidates
corpus: {SEEDS}
documents:
  - {{id: "001_f7d6dec5c4ecb134", path: 001_f7d6dec5c4ecb134.txt, title: Hamas could open an office in Baghdad}}
actors:
  - {{id: hamas, name: Hamas, kind: organization}}
  - {{id: iraq-gov, name: Government of Iraq, kind: government}}
  - {{id: qatar, name: Qatar, kind: government}}
relations:
  - id: c1
    source: iraq-gov
    target: hamas
    type: hosts
    modality: possible
    evidence: [{{document: "001_f7d6dec5c4ecb134", quote: "Hamas could soon open a media and relations office in Baghdad"}}]
    notes: candidate; confidence 0.8; rule verb-active:open; sentence 1; status pending
  - id: c2
    source: qatar
    target: hamas
    type: supports
    evidence: [{{document: "001_f7d6dec5c4ecb134", quote: "Hamas"}}]
    notes: candidate; confidence 0.3; rule noun:office; sentence 2; status pending
  - id: c3
    source: hamas
    target: iraq-gov
    type: supports
    evidence: [{{document: "001_f7d6dec5c4ecb134", quote: "Hamas"}}]
    notes: candidate; confidence 0.5; rule verb-active:praise; sentence 3; status pending; comment keep; this
""")
    return tmp / "graph.yaml", tmp / "candidates.yaml"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    graph, candidates = prepare_corpus(tmp)
    proc = subprocess.Popen([BIN, "serve", str(graph), "--port", "0", "--candidates", str(candidates)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.time() + 60
    while time.time() < deadline and url is None:
        line = proc.stdout.readline()
        m = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if m:
            url = m.group(1)
        if proc.poll() is not None:
            break
    assert url, "the server did not start"
    yield {"url": url, "graph": graph, "candidates": candidates, "port": int(url.rsplit(":", 1)[1].strip("/"))}
    proc.terminate()
    proc.wait(timeout=10)


def raw(server, method, target, body=b"", headers=None):
    c = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=20)
    c.putrequest(method, target, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        c.putheader(k, v)
    if body:
        c.putheader("Content-Length", str(len(body)))
    c.endheaders()
    if body:
        c.send(body)
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def test_serve_page_flows(browser, server):
    p = Page(browser, server["url"])
    assert p.data()["live"] is True
    check_actor_panel(p)
    check_slider(p)
    p.page.fill("#ag-asof", p.page.get_attribute("#ag-asof", "max"))
    p.drawn()
    check_path(p)
    p.page.select_option("#ag-engine", "neato")
    p.drawn()
    # The new drawing keeps the path highlighted.
    assert p.page.locator("#ag-drawing g.edge.ag-onpath").count() >= 2
    p.page.click("#ag-ask-centrality")
    p.page.wait_for_selector("#ag-ask-out table")
    p.page.click("#ag-drawing g.node#hamas")
    p.page.click("text=Allies and adversaries")
    p.page.wait_for_selector(".ag-live-out h3")
    assert p.errors == []
    p.page.screenshot(path=str(SHOTS / "serve-screenshot.png"))
    p.close()


def test_serve_view_matches_the_filter(server):
    status, svg = raw(server, "GET", "/api/view?asOf=2022-12")
    assert status == 200
    data = json.loads(raw(server, "GET", "/api/graph")[1])
    ids = set(re.findall(r'<g id="([^"]+)" class="edge relation', svg.decode().replace("&#45;", "-")))
    assert ids == kept_as_of(data["relations"], "2022-12")


def test_serve_50_concurrent_requests(server):
    expected_path = json.loads(ag("path", SEED, "Qatar", "kataib-imam-ali", "--format", "json").stdout)
    expected_rank = json.loads(ag("centrality", SEED, "--measure", "betweenness", "--format", "json").stdout)["ranking"]

    def one(i):
        kind = i % 3
        if kind == 0:
            s, b = raw(server, "GET", "/api/path?from=Qatar&to=kataib-imam-ali")
            return s == 200 and json.loads(b)["paths"][0]["actors"] == expected_path["paths"][0]["actors"]
        if kind == 1:
            s, b = raw(server, "GET", "/api/centrality?measure=betweenness&mode=directed&top=20")
            got = json.loads(b)["ranking"]
            return s == 200 and [r["id"] for r in got] == [r["id"] for r in expected_rank] and \
                all(abs(a["betweenness"] - b["betweenness"]) < 1e-12 for a, b in zip(got, expected_rank))
        s, b = raw(server, "GET", "/api/view?types=supports&engine=dot")
        return s == 200 and b.startswith(b"<svg") and b"class=\"edge relation type&#45;opposes" not in b

    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(one, range(50)))
    assert all(results), results.count(False)


@pytest.mark.parametrize("target", [
    "/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/api/../../etc/passwd", "/..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd", "//etc/passwd", "/etc/passwd",
    "/api/document?id=../../../../etc/passwd", "/api/document?id=%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/candidates/document?id=/etc/passwd", "/%252e%252e/etc/passwd", "/api/document?id=..%00/etc/passwd",
])
def test_serve_path_traversal_is_refused(server, target):
    status, body = raw(server, "GET", target)
    assert 400 <= status < 500, (target, status)
    assert b"root:" not in body


def test_serve_malformed_and_oversized(server):
    assert raw(server, "POST", "/api/candidates/decision", b"x" * (200 * 1024))[0] == 413
    assert raw(server, "GET", "/api/view?" + "a=b&" * 5000)[0] in (400, 414, 431)
    assert raw(server, "POST", "/api/candidates/decision", b"{not json")[0] == 400
    assert raw(server, "GET", "/api/path?from=Qatar")[0] == 400
    assert raw(server, "GET", "/api/path?from=Qatar&to=Nobody%20Atall")[0] == 404
    assert raw(server, "GET", "/api/view?asOf=20x2")[0] == 400
    assert raw(server, "GET", "/api/view?engine=rm")[0] == 400
    assert raw(server, "GET", "/api/centrality?measure=%ZZ")[0] == 400
    assert raw(server, "DELETE", "/api/graph")[0] == 405
    assert raw(server, "GET", "/nothing-here")[0] == 404
    # garbage on the wire: the server answers 4xx or closes, and keeps serving
    s = socket.create_connection(("127.0.0.1", server["port"]), timeout=5)
    s.sendall(b"\x00\x01GARBAGE \xff\xfe\r\n\r\n")
    try:
        reply = s.recv(100)
        assert reply == b"" or reply.startswith(b"HTTP/1.1 4")
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    assert raw(server, "GET", "/api/version")[0] == 200


def test_serve_review_session_writes_the_file(browser, server):
    p = Page(browser, server["url"])
    p.page.wait_for_selector("#ag-review li[data-candidate=c1]")
    c1 = p.page.locator("li[data-candidate=c1]")
    c1.get_by_text("Show in the article").click()
    p.page.wait_for_selector("li[data-candidate=c1] .ag-article mark")
    assert p.page.text_content("li[data-candidate=c1] .ag-article mark") == "Hamas could soon open a media and relations office in Baghdad"
    c1.locator(".ag-accept").click()
    p.page.wait_for_selector("li[data-candidate=c1].ag-status-accepted")
    p.page.locator("li[data-candidate=c2] .ag-reject").click()
    p.page.wait_for_selector("li[data-candidate=c2].ag-status-rejected")
    c3 = p.page.locator("li[data-candidate=c3]")
    c3.locator("select[aria-label=type]").select_option("opposes")
    c3.locator("input[type=checkbox]").check()
    c3.locator(".ag-edit").click()
    p.page.wait_for_selector("li[data-candidate=c3].ag-status-accepted")
    assert p.errors == []
    p.close()
    text = server["candidates"].read_text()
    exported = json.loads(ag("export", server["candidates"], "--no-quotes", "--format", "json").stdout)
    rel = {r["id"]: r for r in exported["relations"]}
    assert "status accepted" in rel["c1"]["notes"] and "confidence 0.8" in rel["c1"]["notes"]
    assert "status rejected" in rel["c2"]["notes"]
    assert rel["c3"]["type"] == "opposes" and rel["c3"]["source"] == "iraq-gov" and rel["c3"]["target"] == "hamas"
    assert "status accepted" in rel["c3"]["notes"] and rel["c3"]["notes"].endswith("comment keep; this")
    assert "reviewedAt" in text


def test_serve_reloads_when_the_file_changes(server):
    before = json.loads(raw(server, "GET", "/api/version")[1])["version"]
    g = server["graph"]
    g.write_text(g.read_text().replace("title: Iraq, Hamas", "title: Reloaded Iraq, Hamas", 1))
    deadline = time.time() + 10
    while time.time() < deadline:
        if json.loads(raw(server, "GET", "/api/version")[1])["version"] > before:
            break
        time.sleep(0.3)
    assert json.loads(raw(server, "GET", "/api/graph")[1])["title"].startswith("Reloaded")
