//! The screening lists of a webhook (`AML`, `LID`, `CRIMINAL_CHECK`, `amlCheck`) (or of a `data` response that has them) in words:
//! per check the service, its overall status, whether it ran, each hit and any error. Odd
//! shapes (missing fields, `null`, a string where an object belongs) show as they came.

use serde_json::{Map, Value};

use crate::render::{Block, Doc, Line, Role, Text, Tone, clean, fit, value_rows, value_text};
use crate::vocab::{self, Category};

/// The lists this module reads (`model::SCREENING_LISTS`), and what each screens.
const LISTS: [(&str, &str); 6] = [
    (
        "AML",
        "Sanctions, politically exposed persons (PEP) and adverse media",
    ),
    (
        "aml",
        "Sanctions, politically exposed persons (PEP) and adverse media",
    ),
    ("LID", "Registers of lost, stolen and invalid documents"),
    ("lid", "Registers of lost, stolen and invalid documents"),
    ("CRIMINAL_CHECK", "Criminal records"),
    (
        "amlCheck",
        "An AML review of sanctions, PEP and adverse media matches",
    ),
];

/// Fields of a check that are shown in their own rows.
const CHECK_FIELDS: [&str; 6] = [
    "serviceName",
    "serviceGroupType",
    "status",
    "data",
    "errorMessage",
    "uid",
];

/// Fields of a hit shown in their own rows, with their labels, in reading order. Names,
/// adverse media and links are read separately.
const HIT_FIELDS: [(&str, &str); 18] = [
    ("suspicion", "Suspicion"),
    ("reason", "Reason"),
    ("score", "Score"),
    ("nationality", "Nationality"),
    ("dob", "Date of birth"),
    ("dateOfBirth", "Date of birth"),
    ("isPerson", "A person"),
    ("isActive", "Still listed"),
    ("pepLevel", "PEP level"),
    ("category", "Category"),
    ("listName", "List"),
    ("listNumber", "List number"),
    ("listDate", "List date"),
    ("lastUpdate", "List date"),
    ("exitDate", "Left the list"),
    ("checkDate", "Checked"),
    ("otherInformation", "Other information"),
    ("errorMessage", "Error"),
];

/// The fields that make up a hit's name.
const NAME_FIELDS: [&str; 4] = ["name", "surname", "fullName", "wholeName"];

/// The fields of an adverse-media article.
const TITLE_FIELDS: [&str; 2] = ["title", "articleTitle"];
const LINK_FIELDS: [&str; 3] = ["url", "link", "articleUrl"];
/// Lists of articles a hit may carry.
const MEDIA_LISTS: [&str; 3] = ["adverseMedia", "media", "articles"];

/// One list. `prefix` starts every title (`AML: `) when the list is not under a heading
/// of its own.
pub fn render(name: &str, value: &Value, prefix: Option<&str>) -> Doc {
    let what = LISTS
        .iter()
        .find(|(list, _)| *list == name)
        .map_or("", |(_, what)| what);
    let mut doc = Doc::new();
    if let Some(prefix) = prefix {
        doc.push(Block::Title(format!("{prefix} screening")));
    }
    let checks: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(_) => vec![value],
        Value::Null => Vec::new(),
        other => {
            lead(
                &mut doc,
                vec![Text::plain("As it came: "), value_text(other)],
            );
            return doc;
        }
    };
    let count = match checks.len() {
        0 => "no checks".to_string(),
        1 => "1 check".to_string(),
        n => format!("{n} checks"),
    };
    lead(&mut doc, vec![Text::plain(format!("{what}: {count}."))]);
    let title = |text: String| match prefix {
        Some(prefix) => format!("{prefix}: {text}"),
        None => text,
    };
    for (index, check) in checks.iter().enumerate() {
        doc.gap();
        let Value::Object(check) = check else {
            let label = title(format!("Check {}", index + 1));
            doc.section(
                &label,
                &["Field", "Value"],
                vec![row("As it came", value_text(check))],
            );
            continue;
        };
        render_check(&mut doc, check, index, &title);
    }
    doc
}

fn lead(doc: &mut Doc, spans: Vec<Text>) {
    doc.push(Block::Lines(vec![Line {
        role: Role::Lead,
        spans,
    }]));
}

fn row(label: &str, value: Text) -> Vec<Text> {
    vec![Text::plain(label), value]
}

/// A check: its service, status, whether it ran, how many hits, its error; then each hit.
fn render_check(
    doc: &mut Doc,
    check: &Map<String, Value>,
    index: usize,
    title: &dyn Fn(String) -> String,
) {
    let service = match check.get("serviceName") {
        Some(Value::String(name)) if !name.is_empty() => clean(name).into_owned(),
        _ => format!("Check {}", index + 1),
    };
    let status = check.get("status");
    let status_object = status.and_then(Value::as_object);
    let overall = match (status_object, status) {
        (Some(object), _) => object.get("overallStatus"),
        (None, other) => other,
    };
    let hits: Vec<&Value> = match check.get("data") {
        Some(Value::Array(hits)) => hits.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    };
    let mut rows = vec![row("Status", overall_text(overall))];
    if let Some(object) = status_object {
        let flags = ["serviceUsed", "serviceFound", "checkSuccessful"];
        if flags.iter().any(|flag| object.contains_key(*flag)) {
            rows.push(row("Ran", ran(object)));
        }
        if let Some(suspected) = object.get("serviceSuspected") {
            rows.push(row("Found a record", yes_no(suspected)));
        }
        for (key, value) in object {
            let known = [
                "overallStatus",
                "serviceUsed",
                "serviceFound",
                "checkSuccessful",
                "serviceSuspected",
            ];
            if !known.contains(&key.as_str()) {
                value_rows(&format!("status.{}", clean(key)), value, &mut rows);
            }
        }
    }
    let hit_count = match hits.len() {
        0 => Text::new("none", Tone::Empty),
        n => Text::new(n.to_string(), Tone::Attention),
    };
    rows.push(row("Hits", hit_count));
    match check.get("errorMessage") {
        Some(Value::Null) | None => {}
        Some(error) => rows.push(row(
            "Error",
            Text {
                tone: Tone::Bad,
                ..value_text(error)
            },
        )),
    }
    if let Some(group) = check.get("serviceGroupType") {
        rows.push(row("Service type", value_text(group)));
    }
    if let Some(uid) = check.get("uid") {
        rows.push(row("Reference", value_text(uid)));
    }
    for (key, value) in check {
        if !CHECK_FIELDS.contains(&key.as_str()) {
            value_rows(&clean(key), value, &mut rows);
        }
    }
    doc.section(&title(service.clone()), &["Field", "Value"], rows);
    let total = hits.len();
    for (number, hit) in hits.into_iter().enumerate() {
        doc.gap();
        let label = format!("{service}, hit {} of {total}", number + 1);
        match hit {
            Value::Object(hit) => render_hit(doc, hit, &title(label)),
            other => {
                doc.section(
                    &title(label),
                    &["Field", "Value"],
                    vec![row("As it came", value_text(other))],
                );
            }
        }
    }
}

/// A hit: whom it names, then what the list says about them, articles and links last.
fn render_hit(doc: &mut Doc, hit: &Map<String, Value>, label: &str) {
    let mut rows = Vec::new();
    let name = hit_name(hit);
    rows.push(row("Name", name));
    for (key, label) in HIT_FIELDS {
        if let Some(value) = hit.get(key) {
            rows.push(row(label, value_text(value)));
        }
    }
    for key in TITLE_FIELDS {
        if let Some(value) = hit.get(key) {
            rows.push(row("Adverse media", value_text(value)));
        }
    }
    for key in LINK_FIELDS {
        if let Some(value) = hit.get(key) {
            rows.push(row("Link", link(value)));
        }
    }
    for key in MEDIA_LISTS {
        if let Some(media) = hit.get(key) {
            media_rows(media, &mut rows);
        }
    }
    let shown = |key: &str| {
        NAME_FIELDS.contains(&key)
            || HIT_FIELDS.iter().any(|(known, _)| *known == key)
            || TITLE_FIELDS.contains(&key)
            || LINK_FIELDS.contains(&key)
            || MEDIA_LISTS.contains(&key)
    };
    for (key, value) in hit {
        if !shown(key) {
            value_rows(&clean(key), value, &mut rows);
        }
    }
    doc.section(label, &["Field", "Value"], rows);
}

/// `name` and `surname` together, else `fullName` or `wholeName`; `—` when none is given.
fn hit_name(hit: &Map<String, Value>) -> Text {
    let parts: Vec<String> = NAME_FIELDS
        .iter()
        .filter_map(|key| hit.get(*key))
        .filter(|value| !value.is_null())
        .map(|value| value_text(value).text)
        .collect();
    if parts.is_empty() {
        Text::null()
    } else {
        Text::plain(fit(&parts.join(" ")))
    }
}

/// Articles as a title row and a link row each; anything else as it came.
fn media_rows(media: &Value, rows: &mut Vec<Vec<Text>>) {
    let articles: Vec<&Value> = match media {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    for article in articles {
        let Value::Object(article) = article else {
            rows.push(row("Adverse media", value_text(article)));
            continue;
        };
        let title = TITLE_FIELDS.iter().find_map(|key| article.get(*key));
        rows.push(row(
            "Adverse media",
            title.map_or_else(Text::null, value_text),
        ));
        if let Some(url) = LINK_FIELDS.iter().find_map(|key| article.get(*key)) {
            rows.push(row("Link", link(url)));
        }
        for (key, value) in article {
            if !TITLE_FIELDS.contains(&key.as_str()) && !LINK_FIELDS.contains(&key.as_str()) {
                value_rows(&format!("  {}", clean(key)), value, rows);
            }
        }
    }
}

fn link(value: &Value) -> Text {
    match value {
        Value::String(url) if crate::net::urls::is_http_url(url) => Text::link(fit(&clean(url))),
        other => value_text(other),
    }
}

/// An overall status coloured by what it means; one not known here as it came.
fn overall_text(value: Option<&Value>) -> Text {
    match value {
        Some(Value::String(status)) => {
            let known = vocab::lookup(Category::ScreeningStatus, status);
            let tone = known.map_or(Tone::Attention, |entry| entry.reading.into());
            Text::code(fit(&clean(status)), tone)
        }
        Some(other) => value_text(other),
        None => Text::null(),
    }
}

/// Whether the check ran, from `serviceUsed`, `serviceFound` and `checkSuccessful`.
fn ran(status: &Map<String, Value>) -> Text {
    let flag = |key: &str| status.get(key).and_then(Value::as_bool);
    match (
        flag("serviceUsed"),
        flag("serviceFound"),
        flag("checkSuccessful"),
    ) {
        (Some(true), _, Some(true)) => Text::new("yes, and it succeeded", Tone::Good),
        (Some(true), _, Some(false)) => Text::new("yes, but the check failed", Tone::Bad),
        (Some(true), _, None) => Text::plain("yes"),
        (Some(false), Some(false), _) => Text::new(
            "no: no service was found for the person's country",
            Tone::Attention,
        ),
        (Some(false), _, _) => Text::new("no", Tone::Attention),
        (None, _, Some(true)) => Text::new("the check succeeded", Tone::Good),
        (None, _, Some(false)) => Text::new("the check failed", Tone::Bad),
        (None, _, None) => Text::null(),
    }
}

fn yes_no(value: &Value) -> Text {
    match value {
        Value::Bool(true) => Text::new("yes", Tone::Attention),
        Value::Bool(false) => Text::new("no", Tone::Good),
        other => value_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text(doc: &Doc) -> String {
        crate::render::text(
            doc,
            crate::render::Style {
                color: false,
                width: None,
                hyperlinks: false,
            },
            false,
        )
    }

    #[test]
    fn odd_shapes_show_what_came() {
        for value in [
            json!("a string"),
            json!(7),
            json!(null),
            json!([]),
            json!(["text item", null, {"status": "SUSPECTED", "data": "x"}]),
            json!({"status": null, "data": [null, "hit as text", {"name": null}]}),
            json!([{"status": {"overallStatus": 5}, "data": {"name": "ONE"}}]),
        ] {
            let shown = text(&render("AML", &value, None));
            assert!(!shown.is_empty(), "{value}");
        }
        let shown = text(&render("AML", &json!("a string"), None));
        assert!(shown.contains("a string"), "{shown}");
        let shown = text(&render(
            "LID",
            &json!([{"serviceName": "Register", "status": "SUSPECTED", "data": "x", "extra": 1}]),
            Some("LID"),
        ));
        for expected in ["LID: Register", "SUSPECTED", "extra", "hit 1 of 1"] {
            assert!(shown.contains(expected), "{expected}: {shown}");
        }
    }

    #[test]
    fn a_hit_shows_its_name_list_and_articles() {
        let value = json!([{
            "serviceName": "Screening",
            "status": {"overallStatus": "SUSPECTED", "serviceUsed": true, "checkSuccessful": true},
            "data": [{
                "name": "JONAS", "surname": "PAVYZDYS", "score": 0.9, "listName": "PEP list",
                "adverseMedia": [{"title": "Headline", "url": "https://news.example.test/a"}]
            }],
            "errorMessage": null
        }]);
        let shown = text(&render("AML", &value, None));
        for expected in [
            "JONAS PAVYZDYS",
            "0.9",
            "PEP list",
            "Headline",
            "https://news.example.test/a",
            "yes, and it succeeded",
        ] {
            assert!(shown.contains(expected), "{expected}: {shown}");
        }
    }
}
