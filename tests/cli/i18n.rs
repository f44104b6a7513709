//! `--lang vi` and `--lang en` run as a user runs them: the Vietnamese output
//! says in Vietnamese what xhht itself writes (plan text, ids and codes stay
//! as they are), and the English output is the same with or without
//! `--lang en`.

/// Standard output of a run with no language in the environment.
fn xhht(args: &[&str]) -> String {
    let out = crate::common::run(args);
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The output in Vietnamese, after checking that `--lang en` changes nothing
/// in the default (English) output.
fn vi_and_same_en(args: &[&str]) -> String {
    let default = xhht(args);
    let mut en = args.to_vec();
    en.extend(["--lang", "en"]);
    assert_eq!(xhht(&en), default, "--lang en changed {args:?}");
    let mut vi = args.to_vec();
    vi.extend(["--lang", "vi"]);
    let text = xhht(&vi);
    assert_ne!(text, default, "{args:?} is the same in Vietnamese");
    text
}

/// Words that only an English sentence has. Quoted text (`ids`, "wordings",
/// “titles”), `{key: value}` snippets and paths are left out: they come from
/// plan files or are written in the plan format.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "were",
    "not",
    "has",
    "have",
    "and",
    "of",
    "for",
    "with",
    "by",
    "does",
    "which",
    "its",
    "this",
    "that",
    "from",
    "or",
    "be",
    "it",
    "at",
    "no",
    "did",
    "you",
    "mean",
    "add",
    "file",
    "files",
    "checked",
    "error",
    "errors",
    "warning",
    "warnings",
    "infos",
    "help",
    "note",
    "days",
    "overdue",
    "due",
    "task",
    "plan",
    "scheme",
    "against",
    "findings",
    "gaps",
    "shortfalls",
    "meet",
    "exceed",
    "comparable",
    "missing",
    "field",
    "unknown",
];

fn english_words(text: &str) -> Vec<String> {
    let mut unquoted = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(end) if c == end => closing = None,
            Some(_) => {}
            None => match c {
                '`' | '"' => closing = Some(c),
                '“' => closing = Some('”'),
                '{' => closing = Some('}'),
                c => unquoted.push(c),
            },
        }
    }
    unquoted
        .split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains('.') || w.ends_with('.'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn assert_no_english(text: &str, what: &str) {
    for line in text.lines() {
        let found = english_words(line);
        assert!(found.is_empty(), "{what}: English {found:?} in {line:?}");
    }
}

#[test]
fn rules_are_summarised_in_the_run_language() {
    let vi = vi_and_same_en(&["rules"]);
    assert!(vi.contains("XH011  unknown-agency"), "{vi}");
    assert!(vi.contains("nhiệm vụ nêu mã cơ quan mà kế hoạch không khai báo"));
    assert!(vi.contains("chỉ tiêu của kế hoạch thấp hơn chỉ tiêu của đề án"));
    let summaries: String = vi
        .lines()
        .map(|l| l.split_whitespace().skip(3).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_english(&summaries, "rules");
}

#[test]
fn the_english_detector_ignores_quoted_plan_text() {
    assert_eq!(
        english_words("task `t-1` names agency `so-x`, which the plan does not declare"),
        ["task", "which", "the", "plan", "does", "not"]
    );
    assert!(
        english_words("nhiệm vụ `the plan` ghi “Kế hoạch is” tại plans/the.yaml: \"no\"")
            .is_empty()
    );
}

#[test]
fn validate_speaks_vietnamese() {
    let vi = vi_and_same_en(&["validate", "tests/fixtures/validate/unknown-agency.yaml"]);
    for expected in [
        "lỗi[XH011]: nhiệm vụ `bao-cao` nêu cơ quan `phong-gdđt`, nhưng kế hoạch không khai báo cơ quan này",
        "gợi ý: có phải là `phong-gddt`?",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo, 0 thông tin",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    assert_no_english(&vi, "validate unknown-agency");
    insta::assert_snapshot!("validate-unknown-agency-vi", vi);
}

#[test]
fn load_errors_have_a_vietnamese_lead_in() {
    let vi = vi_and_same_en(&["validate", "tests/fixtures/validate/missing-field.yaml"]);
    for expected in [
        "lỗi[XH003]: `document` thiếu trường `issuer`",
        "gợi ý: bổ sung trường này; lệnh `xhht schema` liệt kê mọi trường mà một kế hoạch có thể có",
        "Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo, 0 thông tin",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    assert_no_english(&vi, "validate missing-field");
    insta::assert_snapshot!("validate-missing-field-vi", vi);
    let vi = vi_and_same_en(&["validate", "tests/fixtures/validate/unknown-field.toml"]);
    assert!(
        vi.contains("lỗi[XH002]: trường không hợp lệ: `jurisdicton`"),
        "{vi}"
    );
    assert!(vi.contains("gợi ý: có phải là `jurisdiction`?"), "{vi}");
    let vi = vi_and_same_en(&["validate", "tests/fixtures/validate/wrong-type.toml"]);
    assert!(
        vi.contains("lỗi[XH004]: giá trị không hợp lệ: invalid type"),
        "{vi}"
    );
}

#[test]
fn every_validation_finding_is_in_vietnamese() {
    let vi = vi_and_same_en(&["validate", "tests/fixtures/validate"]);
    let ours: String = vi
        .lines()
        // The source lines quoted under each message are the plan's own text.
        .filter(|l| !l.contains('│') && !l.contains('╭') && !l.contains('╰'))
        // A parser's own words stay after the Vietnamese lead-in.
        .map(|l| {
            match l
                .split_once("lỗi cú pháp: ")
                .or(l.split_once("giá trị không hợp lệ: "))
            {
                Some((lead, _)) => lead,
                None => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_english(&ours, "validate tests/fixtures/validate");
}

/// Lines outside the tables: headings, findings and the summary.
fn outside_tables(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with(['│', '┌', '└', '╞', '├']))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn diff_speaks_vietnamese() {
    let vi = vi_and_same_en(&["diff", "plans/cat-hai-2020.yaml"]);
    for expected in [
        "cat-hai-2020 so với de-an-89 (đề án mà kế hoạch triển khai)",
        "cat-hai-2020: So sánh chỉ tiêu với 89/QĐ-TTg",
        "Các phát hiện:",
        "error[XH102]: `workers-upper-secondary` đặt 85% cho Công nhân lao động tại khu công nghiệp, khu chế xuất có trình độ học vấn trung học phổ thông hoặc tương đương đến năm 2020; de-an-89 đặt 90%",
        "kế hoạch cấp trên 300/KH-UBND (`hai-phong-300-2019`) được viện dẫn nhưng xhht không có văn bản này; chuyển sang so sánh với de-an-89",
        "cat-hai-2020: 0 còn thiếu, 1 thấp hơn chỉ tiêu, 8 đạt, 8 vượt, 0 không cam kết, 2 không áp dụng, 1 không so sánh được, 2 không có số liệu quốc gia, 5 chỉ có ở địa phương; 1 lỗi, 1 cảnh báo, 0 thông tin",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    // `severity[code]` stays as editors and CI parse it; the message follows.
    let lines = outside_tables(&vi)
        .lines()
        .map(|l| l.split_once("]: ").map_or(l, |(_, message)| message))
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_english(&lines, "diff cat-hai-2020");

    let json: serde_json::Value = serde_json::from_str(&xhht(&[
        "diff",
        "--format",
        "json",
        "--lang",
        "vi",
        "plans/cat-hai-2020.yaml",
    ]))
    .unwrap();
    let mut texts = Vec::new();
    for f in json["findings"].as_array().unwrap() {
        texts.push(f["message"].as_str().unwrap().to_owned());
        texts.extend(f["hint"].as_str().map(str::to_owned));
        for note in f["notes"].as_array().into_iter().flatten() {
            // A note on the national figure quotes the baseline file's own note.
            let note = note.as_str().unwrap();
            texts.push(
                note.split("về số liệu quốc gia: ")
                    .next()
                    .unwrap()
                    .to_owned(),
            );
        }
    }
    for c in json["comparisons"].as_array().unwrap() {
        for row in c["targets"].as_array().unwrap() {
            texts.extend(row["reason"].as_str().map(str::to_owned));
            texts.extend(row["basis"].as_str().map(str::to_owned));
        }
    }
    assert!(
        texts.iter().any(|t| t.starts_with(
            "chỉ áp dụng cho các tỉnh Tây Bắc, Tây Nguyên, Tây Nam Bộ; Hải Phòng không thuộc phạm vi này"
        )),
        "{texts:?}"
    );
    assert_no_english(&texts.join("\n"), "diff --format json cat-hai-2020");
}

#[test]
fn the_schedule_speaks_vietnamese() {
    let args = [
        "report",
        "--only",
        "overdue",
        "--as-of",
        "2026-11-22",
        "plans/ninh-thuan-1960-2020.toml",
    ];
    let vi = vi_and_same_en(&args);
    for expected in [
        "Quá hạn và sắp đến hạn",
        "ninh-thuan-1960-2020: Tiến độ",
        "Hạn được tính theo quy ước: thời hạn là một quý (Quý I-IV) thì đến hạn vào ngày cuối quý: 31/03, 30/06, 30/09 hoặc 31/12",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    assert_no_english(&outside_tables(&vi), "report --only overdue");

    let mut markdown = args.to_vec();
    markdown.extend(["--format", "markdown"]);
    let vi = vi_and_same_en(&markdown);
    for expected in [
        "nhiệm vụ `t-2-1-a` (Nghiên cứu, quán triệt, triển khai Chỉ thị số 11-CT/TW",
        "đến hạn ngày 30/09/2020 nhưng chưa được ghi nhận là hoàn thành: quá hạn 2244 ngày",
        "xhht không đọc được thời hạn \"định kỳ\": chỉ ghi \"định kỳ\" thì không rõ bao lâu một lần: thêm chu kỳ, ví dụ \"định kỳ 6 tháng\"",
        "| Quý III/2020 (30/09/2020, +2244) |  | quá hạn |",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    assert_no_english(&vi, "report --only overdue --format markdown");

    markdown.push("--occurrences");
    let vi = vi_and_same_en(&markdown);
    assert!(vi.contains("### ninh-thuan-1960-2020: Từng kỳ"), "{vi}");
    assert!(
        vi.contains("| t-2-1-a | Quý III/2020 | 30/09/2020 | +2244 | quá hạn |"),
        "{vi}"
    );
    assert_no_english(&vi, "report --only overdue --format markdown --occurrences");
}

#[test]
fn every_schedule_finding_note_and_convention_is_in_vietnamese() {
    let json: serde_json::Value = serde_json::from_str(&xhht(&[
        "report",
        "--format",
        "json",
        "--only",
        "overdue",
        "--as-of",
        "2026-11-22",
        "--within",
        "400d",
        "--lang",
        "vi",
        "tests/fixtures/schedule/district-2024-2026.yaml",
    ]))
    .unwrap();
    let mut texts = Vec::new();
    for f in json["findings"].as_array().unwrap() {
        texts.push(f["message"].as_str().unwrap().to_owned());
        texts.extend(f["hint"].as_str().map(str::to_owned));
        for note in f["notes"].as_array().into_iter().flatten() {
            texts.push(note.as_str().unwrap().to_owned());
        }
    }
    let schedules = json["schedules"].as_array().unwrap();
    for schedule in schedules {
        for c in schedule["conventions"].as_array().unwrap() {
            texts.push(c.as_str().unwrap().to_owned());
        }
        for row in schedule["rows"].as_array().unwrap() {
            texts.push(row["note"].as_str().unwrap().to_owned());
        }
    }
    let all = texts.join("\n");
    for expected in [
        "đã đến hạn ngày",
        "nhưng khi đó cơ quan chủ trì không còn tồn tại",
        "chậm 10 ngày so với hạn",
        "trước ngày ban hành kế hoạch",
        "ngoài thời kỳ của kế hoạch",
        "`due` ghi Quý III/2024, nhưng cách ghi",
        "các kỳ của nhiệm vụ định kỳ được tính từ ngày ban hành kế hoạch",
        "4 trong số 5 kỳ 6 tháng đã đến hạn chưa có ghi nhận hoàn thành",
        "kỳ tiếp theo, 6 tháng cuối năm 2026, sắp đến hạn",
        "2 kỳ, kể từ kỳ 2025, rơi vào thời điểm cơ quan chủ trì không còn tồn tại",
        "\"trước\" một ngày",
    ] {
        assert!(all.contains(expected), "{expected:?} not in\n{all}");
    }
    assert_no_english(&all, "report --format json district-2024-2026");
}

#[test]
fn baselines_speak_vietnamese() {
    let vi = vi_and_same_en(&["baselines"]);
    assert!(vi.contains("quyết định") && vi.contains("thời kỳ"), "{vi}");
    let vi = vi_and_same_en(&["baselines", "show", "de-an-89"]);
    for expected in [
        "Đã kiểm chứng trong văn bản tiếng Việt (13):",
        "Chỉ dựa trên bản tóm tắt hoặc kế hoạch của tỉnh nhắc lại (",
        "Có nêu, nhưng không tìm thấy số liệu (3):",
        "43 chỉ tiêu: 13 đã kiểm chứng, 26 chỉ dựa trên bản tóm tắt hoặc kế hoạch của tỉnh nhắc lại, 0 chưa được kiểm chứng, 1 có các nguồn không thống nhất, 3 không tìm thấy số liệu",
        "mức độ kiểm chứng",
    ] {
        assert!(vi.contains(expected), "{expected:?} not in\n{vi}");
    }
    // The title and the note are the baseline file's own text.
    let ours: String = outside_tables(&vi)
        .lines()
        .skip(2)
        .filter(|l| !l.starts_with("ghi chú: "))
        .collect::<Vec<_>>()
        .join("\n");
    assert_no_english(&ours, "baselines show de-an-89");
    let vi = vi_and_same_en(&["baselines", "show", "qd-489"]);
    assert!(
        vi.contains("Đề án này không có chỉ tiêu nào được ghi nhận"),
        "{vi}"
    );
}

#[test]
fn html_chart_labels_follow_the_language() {
    let args = [
        "report",
        "--format",
        "html",
        "--as-of",
        "2022-11-22",
        "plans/cat-hai-2020.yaml",
    ];
    let vi = vi_and_same_en(&args);
    // Numbered as in the table above, so two bars never share a label.
    assert!(vi.contains("1. Cán bộ, công chức, viê… 2020 mức 2"), "{vi}");
    assert!(xhht(&args).contains("1. Officials with a forei… 2020 L2"));
}

/// The fields the report schema declares as text in the report's language
/// (`$defs/Message`): the only ones `--lang` may change.
fn text_fields(schema: &serde_json::Value, into: &mut std::collections::BTreeSet<String>) {
    use serde_json::Value;
    let is_text = |s: &Value| s.to_string().contains("\"#/$defs/Message\"");
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (name, property) in properties {
                    if is_text(property) && !property.to_string().contains("\"properties\"") {
                        into.insert(name.clone());
                    }
                }
            }
            map.values().for_each(|v| text_fields(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| text_fields(v, into)),
        _ => {}
    }
}

/// Walks two reports side by side; returns the paths where they differ.
fn differences(a: &serde_json::Value, b: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) if x.len() == y.len() => {
            for (key, value) in x {
                match y.get(key) {
                    Some(other) => differences(value, other, &format!("{at}.{key}"), out),
                    None => out.push(format!("{at}.{key}")),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(p, q, &format!("{at}[{i}]"), out);
            }
        }
        _ if a == b => {}
        _ => out.push(at.to_owned()),
    }
}

/// Data is the same in every language: `--lang` changes the text of
/// messages and labels, never a status, a figure, a code or a row.
#[test]
fn json_differs_by_language_only_in_text_fields() {
    let json = |lang: &str| -> serde_json::Value {
        let text = xhht(&[
            "report",
            "plans/",
            "--format",
            "json",
            "--as-of",
            "2026-11-30",
            "--lang",
            lang,
        ]);
        serde_json::from_str(&text).unwrap()
    };
    let (vi, en) = (json("vi"), json("en"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::common::root().join("schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    let mut text = std::collections::BTreeSet::new();
    text_fields(&schema, &mut text);
    assert!(
        text.contains("message") && text.contains("hint"),
        "{text:?}"
    );
    let mut differ = Vec::new();
    differences(&vi, &en, "", &mut differ);
    let is_text = |path: &str| {
        let last = path.rsplit('.').next().unwrap_or_default();
        let field = last.split('[').next().unwrap_or_default();
        path == ".lang" || text.contains(field)
    };
    let data: Vec<&String> = differ.iter().filter(|p| !is_text(p)).collect();
    assert!(data.is_empty(), "data that changes with --lang: {data:#?}");
    assert!(
        differ.len() > 100,
        "the languages barely differ: {differ:?}"
    );
}
