use crate::support::helpers::{Page, TestApp};
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;

/// Form fields in the order posted; a name may repeat (checkbox groups).
pub type Fields = Vec<(&'static str, String)>;

/// A complete, valid request as the form posts it.
pub fn valid_fields() -> Fields {
    vec![
        ("name", "Ana Lima".into()),
        ("phone", "(732) 555-0142".into()),
        ("email", "ana@example.com".into()),
        ("contact_method", "email".into()),
        ("service", "acupuncture".into()),
        ("patient", "new".into()),
        ("days", "mon".into()),
        ("days", "wed".into()),
        ("time_of_day", "morning".into()),
        ("message", "Lower back pain since spring.".into()),
        ("consent", "yes".into()),
        ("website", String::new()),
    ]
}

pub fn with(mut fields: Fields, name: &'static str, value: &str) -> Fields {
    fields.retain(|(k, _)| *k != name);
    fields.push((name, value.to_owned()));
    fields
}

pub fn without(mut fields: Fields, name: &str) -> Fields {
    fields.retain(|(k, _)| *k != name);
    fields
}

impl TestApp {
    /// A fresh signed token, as a rendered form carries.
    pub async fn form_token(&self) -> String {
        let setup: app::api::request::FormSetup =
            crate::support::helpers::decoded(self.get("/api/consultation_form").await).await;
        setup.token
    }

    /// Posts the form as a browser without JavaScript does.
    pub async fn post_form(&self, fields: &[(&str, String)], token: &str) -> reqwest::Response {
        let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        all.push(("token", token));
        let body = serde_html_form::to_string(&all).unwrap_or_else(|e| panic!("{e}"));
        self.client
            .post(self.url("/consultation"))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST /consultation: {e}"))
    }

    pub async fn post_form_page(&self, fields: &[(&str, String)], token: &str) -> Page {
        let response = self.post_form(fields, token).await;
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        Page {
            status,
            path: "POST /consultation".into(),
            html: scraper::Html::parse_document(&body),
        }
    }

    /// Calls the server function as the page's JavaScript does.
    pub async fn post_json(&self, fields: &[(&str, String)], token: &str) -> reqwest::Response {
        let body = json_body(fields, token);
        self.client
            .post(self.url("/api/consultation"))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST /api/consultation: {e}"))
    }

    /// Runs a statement on the server's database, as time passing or
    /// another writer would change it; how many rows it changed.
    pub async fn execute(&self, sql: &str) -> u64 {
        app::on_pool!(&self.store, c => sqlx::query(sql)
            .execute(c).await.map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    pub async fn count(&self, sql: &str) -> i64 {
        app::on_pool!(&self.store, c => sqlx::query_scalar(sql)
            .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// The server function's JSON body for the form's `fields`, as the page's
/// JavaScript sends it.
pub fn json_body(fields: &[(&str, String)], token: &str) -> serde_json::Value {
    let mut form = serde_json::Map::new();
    let mut days = Vec::new();
    for (k, v) in fields {
        match *k {
            "website" => {}
            "days" => days.push(serde_json::Value::from(v.clone())),
            _ => {
                form.insert((*k).to_owned(), v.clone().into());
            }
        }
    }
    form.insert("days".into(), days.into());
    let website = fields
        .iter()
        .find(|(k, _)| *k == "website")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    serde_json::json!({ "form": form, "token": token, "website": website })
}

/// The confirmation address a successful no-JavaScript post redirects to.
pub fn redirect_target(response: &reqwest::Response) -> String {
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "expected a redirect"
    );
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no Location"))
        .to_owned()
}
