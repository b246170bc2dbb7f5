//! The pages, the 编写 endpoints, static files, headers and the path prefix.

use super::*;

#[test]
fn every_page_is_served_with_the_security_headers() {
    for path in ["/", "/write", "/compare"] {
        let a = get(path);
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert!(a.header(header::CONTENT_TYPE).starts_with("text/html"));
        let csp = a.header(header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"));
        assert!(!csp.contains("unsafe"));
        assert_eq!(a.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert!(
            !a.text().contains("http://") && !a.text().contains("https://"),
            "{path} loads nothing from elsewhere"
        );
    }
}

#[test]
fn static_files_are_embedded_and_nothing_else_is_listed() {
    let css = get("/static/app.css");
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header(header::CONTENT_TYPE).starts_with("text/css"));
    let js = get("/static/write.js");
    assert!(js
        .header(header::CONTENT_TYPE)
        .starts_with("text/javascript"));
    for path in [
        "/static/",
        "/static/..%2fmod.rs",
        "/static/missing.js",
        "/etc/passwd",
        "/api",
    ] {
        let a = get(path);
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(a.header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    }
}

#[test]
fn the_check_page_shows_each_diagnostic_at_its_line_and_escapes_text() {
    let mut bytes = read("tests/browser/fixtures/township_2024_broken.txt");
    bytes.extend_from_slice("\n<script>alert(1)</script>\n".as_bytes());
    let a = post_multipart("/", &[("file", Some("<b>x</b>.txt"), &bytes)]);
    assert_eq!(a.status, StatusCode::OK);
    let html = a.text();
    let line = html
        .split("<li id=\"f1-l37\"")
        .nth(1)
        .and_then(|rest| rest.split("</li>").next())
        .expect("line 37 is shown");
    assert!(line.contains("data-code=\"T3-1\""), "{line}");
    assert!(line.contains("<mark>9</mark>"));
    assert!(html.contains("cell broken"));
    assert!(!html.contains("<script>alert") && html.contains("&#60;script&#62;alert"));
    assert!(!html.contains("<b>x</b>"));
}

#[test]
fn the_check_page_shows_errors_in_chinese() {
    let a = post_multipart("/", &[("other", None, b"x")]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.text().contains("没有收到文件"));
}

#[test]
fn the_compare_page_shows_changes_chain_and_copied_text() {
    let old = read("examples/published/township_2023.txt");
    let new = read("examples/published/township_2024.txt");
    let a = post_multipart(
        "/compare",
        &[
            ("old", Some("2023.txt"), &old),
            ("new", Some("2024.txt"), &new),
        ],
    );
    assert_eq!(a.status, StatusCode::OK);
    let html = a.text();
    assert!(html.contains("<td class=\"old\">126</td><td class=\"new\">141</td>"));
    assert!(html.contains("class=\"chain\""));
    assert!(html.contains("<span class=\"copied\">"));
}

#[test]
fn the_write_form_has_an_input_per_leaf_cell_and_outputs_for_totals() {
    let html = get("/write").text();
    let inputs = html.matches("<input class=\"num").count();
    // 表二 10 cells, 表三 24 rows × 6, 表四 3 groups × 4.
    assert_eq!(inputs, 10 + 24 * 6 + 12);
    assert!(html.contains("data-cell=\"applications/results_total/natural_person\""));
    assert!(
        html.contains("<output class=\"computed\" data-cell=\"applications/new_requests/total\"")
    );
    assert!(html.contains("name=\"reviews_and_litigation/review/3\""));
}

#[test]
fn compute_returns_totals_and_the_rules_findings() {
    let toml = String::from_utf8(read("examples/township.toml"))
        .expect("utf-8")
        .replace("new_requests = [10, 2,", "new_requests = [11, 2,");
    let a = post_text("/write/compute", &toml);
    assert_eq!(a.status, StatusCode::OK);
    let json = a.json();
    assert_eq!(json["cells"]["applications/new_requests/total"], "14");
    assert_eq!(
        json["cells"]["applications/results_total/natural_person"],
        "10"
    );
    let t31 = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "T3-1")
        .cloned()
        .expect("T3-1 fires");
    assert!(t31["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .any(|c| c == "applications/new_requests/natural_person"));
    assert_eq!(t31["field"], "applications/new_requests");
    let fixed = post_text(
        "/write/compute",
        &String::from_utf8(read("examples/township.toml")).expect("utf-8"),
    );
    assert_eq!(fixed.json()["errors"], 0);
}

#[test]
fn compute_reports_a_mistyped_cell_at_its_field() {
    let toml = String::from_utf8(read("examples/township.toml"))
        .expect("utf-8")
        .replace("licensing = [126]", "licensing = [\"12x\"]");
    let json = post_text("/write/compute", &toml).json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["field"], "active_disclosure/licensing");
    assert!(json["cells"].as_object().is_some_and(|c| c.is_empty()));
}

#[test]
fn the_draft_downloads_as_an_excel_workbook() {
    let toml = String::from_utf8(read("examples/township.toml")).expect("utf-8");
    let a = post_text("/write/xlsx", &toml);
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.header(header::CONTENT_TYPE).contains("spreadsheetml"));
    assert!(a.body.starts_with(b"PK\x03\x04"));
    let a = post_text("/write/xlsx", "[report]\nagency = 1\n");
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[test]
fn load_opens_a_draft_or_starts_next_year() {
    let toml = read("examples/township.toml");
    let a = post_multipart(
        "/write/load",
        &[
            ("mode", None, b"open"),
            ("file", Some("report.toml"), &toml),
        ],
    );
    assert_eq!(a.status, StatusCode::OK);
    let f = &a.json()["fields"];
    assert_eq!(f["report.agency"], "青禾县白石镇人民政府");
    assert_eq!(f["applications/new_requests/0"], "10");
    assert_eq!(f["active_disclosure/fees/0"], "12.5");

    let last = read("examples/published/township_2023.txt");
    let a = post_multipart(
        "/write/load",
        &[("mode", None, b"next"), ("file", Some("2023.txt"), &last)],
    );
    assert_eq!(a.status, StatusCode::OK);
    let f = &a.json()["fields"];
    assert_eq!(f["report.year"], "2024");
    // 上年结转 this year = 结转下年度 last year (1 natural person in the 2023 report).
    assert_eq!(f["applications/carried_over/0"], "1");
    assert_eq!(f["active_disclosure/normative_documents/2"], "15");

    let a = post_multipart("/write/load", &[("mode", None, b"open")]);
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
}

#[test]
fn everything_moves_under_a_base_path() {
    let config = || Config::new("/gaogen/");
    let a = send_with(
        config(),
        Request::get("/gaogen/")
            .body(Body::empty())
            .expect("request"),
    );
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.text().contains("href=\"/gaogen/static/app.css\""));
    assert!(a.text().contains("action=\"/gaogen/\""));
    let a = send_with(
        config(),
        Request::get("/gaogen")
            .body(Body::empty())
            .expect("request"),
    );
    assert_eq!(a.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(a.header(header::LOCATION), "/gaogen/");
    let a = send_with(
        config(),
        Request::get("/gaogen/healthz")
            .body(Body::empty())
            .expect("request"),
    );
    assert_eq!(a.status, StatusCode::OK);
    let a = send_with(
        config(),
        Request::get("/").body(Body::empty()).expect("request"),
    );
    assert_eq!(a.status, StatusCode::NOT_FOUND);
}
