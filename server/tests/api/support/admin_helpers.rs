use crate::support::helpers::TestApp;
use app::domain::staff::Role;
use app::server::auth::accounts;
use reqwest::header::CONTENT_TYPE;
use serde_json::json;

pub const PASSWORD: &str = "correct horse battery staple";

/// A browser of one staff member: its own cookie jar.
pub struct Staff {
    pub client: reqwest::Client,
    pub email: String,
    /// The second factor's secret, for roles that have one.
    pub secret: Option<Vec<u8>>,
    /// Recovery codes shown at enrolment.
    pub recovery_codes: Vec<String>,
}

/// The code an authenticator app shows at `unix` time for `secret`.
pub fn totp_code(secret: &[u8], unix: i64) -> String {
    totp_rs::TOTP::new_unchecked(
        totp_rs::Algorithm::SHA1,
        6,
        1,
        30,
        secret.to_vec(),
        None,
        String::new(),
    )
    .generate(u64::try_from(unix).unwrap_or(0))
}

pub fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

impl TestApp {
    pub async fn add_staff(&self, role: Role, email: &str) -> i64 {
        accounts::create(
            &self.store,
            email,
            &format!("{} person", role.label()),
            role,
            PASSWORD.into(),
            None,
        )
        .await
        .unwrap_or_else(|e| panic!("create {email}: {e}"))
        .id
    }

    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Calls an admin server function as the admin's pages do (form-encoded POST).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(serde_html_form::to_string(form).unwrap_or_default())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{endpoint}: {e}"))
    }

    /// A stored request as the front desk's request page receives it
    /// (`RequestDetail` as JSON): stored values are sealed, so this is how
    /// tests read them back.
    pub async fn read_request(
        &self,
        client: &reqwest::Client,
        reference: &str,
    ) -> serde_json::Value {
        let response = self
            .call(client, "admin/request", &[("reference", reference)])
            .await;
        assert_eq!(response.status(), 200, "read request {reference}");
        response
            .json()
            .await
            .unwrap_or_else(|e| panic!("request {reference}: {e}"))
    }

    /// Publishes, unpublishes or schedules (`state`) an article as the
    /// editor's state buttons do.
    pub async fn set_article_state(
        &self,
        client: &reqwest::Client,
        id: i64,
        state: &str,
    ) -> reqwest::Response {
        self.call(
            client,
            "admin/article_state",
            &[("id", &id.to_string()), ("state", state)],
        )
        .await
    }

    /// Saves an article through the editor's JSON endpoint (`id` None: a
    /// new one), with a body that carries a script to be sanitized.
    pub async fn save_article(
        &self,
        client: &reqwest::Client,
        id: Option<i64>,
        version: i64,
        title: &str,
        slug: &str,
    ) -> reqwest::Response {
        let body = json!({
            "id": id, "version": version,
            "draft": { "title": title, "slug": slug, "category": "Physical Therapy", "summary": "", "body_md": "First paragraph.\n\n<script>x()</script>" }
        });
        client
            .post(self.url("/api/admin/save_article"))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub async fn sign_in_as(
        &self,
        email: &str,
        password: &str,
    ) -> (reqwest::Client, reqwest::Response) {
        let client = self.browser();
        let response = self
            .call(
                &client,
                "admin/sign_in",
                &[("email", email), ("password", password)],
            )
            .await;
        (client, response)
    }

    pub async fn staff(&self, role: Role) -> Staff {
        self.staff_named(role, &format!("{}@clinic.example", role.value()))
            .await
    }

    /// A new account of `role` under `email`, signed in, with its second
    /// factor set up if the role needs one.
    pub async fn staff_named(&self, role: Role, email: &str) -> Staff {
        let email = email.to_owned();
        self.add_staff(role, &email).await;
        let (client, response) = self.sign_in_as(&email, PASSWORD).await;
        assert_eq!(response.status(), 200, "sign in as {email}");
        let (secret, recovery_codes) = if role.handles_requests() {
            let (secret, codes) = self.enrol(&client).await;
            (Some(secret), codes)
        } else {
            (None, Vec::new())
        };
        Staff {
            client,
            email,
            secret,
            recovery_codes,
        }
    }

    /// Sets up the signed-in member's second factor as the enrolment page
    /// does, with a code of the current step: (secret, recovery codes).
    pub async fn enrol(&self, client: &reqwest::Client) -> (Vec<u8>, Vec<String>) {
        let started = self.call(client, "admin/two_factor_start", &[]).await;
        assert_eq!(started.status(), 200, "two_factor_start");
        let enrolment: app::domain::staff::Enrolment = started
            .json()
            .await
            .unwrap_or_else(|e| panic!("enrolment: {e}"));
        let secret = totp_rs::Secret::Encoded(enrolment.secret)
            .to_bytes()
            .unwrap_or_else(|e| panic!("base32: {e:?}"));
        let code = totp_code(&secret, now_unix());
        let confirmed = self
            .call(client, "admin/two_factor_confirm", &[("code", &code)])
            .await;
        assert_eq!(confirmed.status(), 200, "two_factor_confirm");
        let codes: Vec<String> = confirmed
            .json()
            .await
            .unwrap_or_else(|e| panic!("recovery codes: {e}"));
        (secret, codes)
    }

    /// Signs in with password and then `code`: (browser, the code step's answer).
    pub async fn sign_in_with_code(
        &self,
        email: &str,
        code: &str,
    ) -> (reqwest::Client, reqwest::Response) {
        let (client, password) = self.sign_in_as(email, PASSWORD).await;
        assert_eq!(password.status(), 200, "password step of {email}");
        let answer = self
            .call(&client, "admin/sign_in_code", &[("code", code)])
            .await;
        (client, answer)
    }
}
