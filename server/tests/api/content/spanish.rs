//! The site in Spanish: its pages, its addresses, and a request sent from
//! a Spanish page (issue 20).

use crate::support::helpers::{spawn_app, spawn_with};
use crate::support::request_helpers::{json_body, redirect_target, valid_fields, with};
use crate::support::smtp_sink::SmtpSink;
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use server::config::Config;

#[tokio::test]
async fn spanish_pages_are_rendered_in_spanish_at_their_own_addresses() {
    let app = spawn_app().await;

    let page = app.page("/es/servicios/acupuntura").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.attrs("html", "lang"), ["es"]);
    assert_eq!(page.text("h1"), "Acupuntura");
    assert!(
        page.title().starts_with("Acupuntura | "),
        "{}",
        page.title()
    );
    // The seed has the page's text in Spanish too.
    assert!(page.attrs(".prose", "lang").is_empty());
    assert!(page.texts(".translation-note").is_empty());
    assert!(page.texts(".prose h2").contains(&"Qué esperar".to_owned()));
    // Its alternates: itself, its English page, and English as the default.
    let alternates = page.attrs("link[rel=alternate][hreflang]", "href");
    assert!(
        alternates
            .iter()
            .any(|h| h.ends_with("/services/acupuncture"))
            && alternates
                .iter()
                .any(|h| h.ends_with("/es/servicios/acupuntura")),
        "{alternates:?}"
    );
    assert_eq!(
        page.attrs("link[rel=alternate][hreflang=x-default]", "href")
            .len(),
        1
    );

    // The same page in English is unchanged.
    let english = app.page("/services/acupuncture").await;
    assert_eq!(english.attrs("html", "lang"), ["en"]);
    assert_eq!(english.text("h1"), "Acupuncture");

    // Lists and facts come in Spanish, dates as Spanish writes them.
    let home = app.page("/es").await;
    assert!(home
        .texts(".service-item h3")
        .contains(&"Fisioterapia".to_owned()));
    assert!(home.text(".hero .lead").contains("condado de Monmouth"));
    let dates = home.texts(".article-item time");
    assert!(dates.iter().all(|d| !d.contains(',')), "{dates:?}");

    // A service reached by its English slug under /es goes to its Spanish address.
    let moved = app.get("/es/servicios/acupuncture").await;
    assert_eq!(moved.status(), StatusCode::FOUND);
    assert_eq!(
        moved
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some("/es/servicios/acupuntura")
    );

    // An article staff have not translated yet: its English text, marked
    // as English, under a note in Spanish.
    let untranslated = app
        .page("/es/articulos/5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    assert_eq!(untranslated.status, StatusCode::OK);
    assert_eq!(untranslated.attrs(".prose", "lang"), ["en"]);
    assert!(untranslated
        .text(".translation-note")
        .contains("aún no está traducida"));

    // Categories have Spanish names: the chips, the category page's heading,
    // title and description, and the article's own line.
    let list = app.page("/es/articulos").await;
    assert!(
        list.texts(".pill-list a")
            .contains(&"Acupuntura".to_owned()),
        "{:?}",
        list.texts(".pill-list a")
    );
    assert!(list.attrs(".pill-list a[lang]", "lang").is_empty());
    assert_eq!(list.texts(".article-item .byline span"), ["Acupuntura"]);
    let category = app.page("/es/articulos?category=acupuncture").await;
    assert_eq!(category.text("h1"), "Artículos sobre Acupuntura");
    assert!(
        category.title().starts_with("Artículos sobre Acupuntura"),
        "{}",
        category.title()
    );
    assert!(category.description().ends_with("sobre acupuntura."));
    assert_eq!(untranslated.text(".byline a"), "Acupuntura");
    assert!(untranslated.attrs(".byline a", "lang").is_empty());
    let english = app.page("/articles").await;
    assert!(english
        .texts(".pill-list a")
        .contains(&"Acupuncture".to_owned()));

    // The structured data of a Spanish page names Spanish addresses.
    for path in ["/es", "/es/articulos", "/es/servicios/acupuntura"] {
        let page = app.page(path).await;
        let graph = page.inner_html(r#"script[type="application/ld+json"]"#);
        assert!(
            graph.contains("/es/servicios/acupuntura"),
            "{path}: {graph}"
        );
        assert!(!graph.contains("/services/"), "{path}: {graph}");
    }

    // What is not there is not there, in Spanish.
    let missing = app.page("/es/no-existe").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.text("h1"), "Página no encontrada");
    assert_eq!(missing.attrs("html", "lang"), ["es"]);
}

#[tokio::test]
async fn the_rules_answer_in_the_language_of_the_page() {
    let app = spawn_app().await;
    let token = app.form_token().await;

    // JavaScript: the server function is told the page's language.
    let mut body = json_body(&with(valid_fields(), "name", ""), &token);
    body["locale"] = "Es".into();
    let response = post_json(&app, &app.client, "/api/consultation", &body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let said = response.text().await.unwrap_or_default();
    assert!(said.contains("Escriba su nombre completo."), "{said}");

    // Without JavaScript: the Spanish page's form posts to the Spanish page.
    let response = post_spanish_form(&app, &with(valid_fields(), "phone", "555"), &token).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap_or_default();
    assert!(
        html.contains(r#"<html lang="es""#),
        "the page is not Spanish"
    );
    assert!(
        html.contains("Escriba un número de teléfono de EE. UU. de 10 dígitos"),
        "{html}"
    );
    assert!(html.contains("Hay un problema con su solicitud"));
}

#[tokio::test]
async fn a_request_from_a_spanish_page_is_marked_and_acknowledged_in_spanish() {
    let sink = SmtpSink::start().await;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.smtp_url = Some(format!("smtp://127.0.0.1:{}", sink.port));
    config.staff_email = vec!["frontdesk@clinic.example".into()];
    let app = spawn_with(dir, config).await;
    let token = app.form_token().await;

    let response = post_spanish_form(&app, &valid_fields(), &token).await;
    let location = redirect_target(&response);
    assert!(
        location.starts_with("/es/consulta/enviada/CR-"),
        "{location}"
    );
    let reference = location.rsplit('/').next().unwrap_or_default().to_owned();
    assert_eq!(
        app.count("SELECT COUNT(*) FROM consultations WHERE locale = 'es'")
            .await,
        1
    );

    let confirmation = app.page(&location).await;
    assert_eq!(
        confirmation.text("h1"),
        "Gracias: hemos recibido su solicitud"
    );
    assert_eq!(confirmation.text(".reference"), reference);

    let messages = sink.wait_for(2).await;
    let patient = messages
        .iter()
        .find(|m| m.contains("To: ana@example.com"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    // The subject may be encoded; the body is plain text in Spanish.
    assert!(
        patient.contains("Gracias por contactar") && patient.contains(&reference),
        "{patient}"
    );
    let staff = messages
        .iter()
        .find(|m| m.contains("To: frontdesk@clinic.example"))
        .unwrap_or_else(|| panic!("{messages:?}"));
    assert!(
        staff.contains("A new consultation request arrived"),
        "staff read English: {staff}"
    );
}

async fn post_spanish_form(
    app: &crate::support::helpers::TestApp,
    fields: &[(&str, String)],
    token: &str,
) -> reqwest::Response {
    let mut all: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    all.push(("token", token));
    let body = serde_html_form::to_string(&all).unwrap_or_else(|e| panic!("{e}"));
    app.client
        .post(app.url("/es/consulta"))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST /es/consulta: {e}"))
}

#[tokio::test]
async fn staff_translate_a_service_and_an_article_and_patients_read_them_in_spanish() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let front_desk = app.staff(Role::FrontDesk).await;

    // A service's Spanish page: its own address, words and text.
    let opened = app
        .call(&editor.client, "admin/service", &[("slug", "acupuncture")])
        .await;
    let opened: serde_json::Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened["translations"][0]["locale"], "Es");
    assert_eq!(opened["translations"][0]["fields"]["slug"], "acupuntura");
    // The seed wrote version 1.
    assert_eq!(opened["translations"][0]["version"], 1);
    let body = json!({
        "slug": "acupuncture", "locale": "Es", "version": 1,
        "draft": { "slug": "acupuntura", "title": "Acupuntura",
                   "summary": "Agujas finas.", "body_md": "## Qué esperar\n\nUsted se recuesta." }
    });
    let refused = post_json(
        &app,
        &front_desk.client,
        "/api/admin/save_service_translation",
        &body,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // An address another service has is refused, on its field.
    let mut taken = body.clone();
    taken["draft"]["slug"] = "fisioterapia".into();
    let taken = post_json(
        &app,
        &editor.client,
        "/api/admin/save_service_translation",
        &taken,
    )
    .await;
    assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = post_json(
        &app,
        &editor.client,
        "/api/admin/save_service_translation",
        &body,
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let page = app.page("/es/servicios/acupuntura").await;
    assert_eq!(page.texts(".prose h2"), ["Qué esperar"]);
    assert!(page.attrs(".prose", "lang").is_empty());
    assert!(page.texts(".translation-note").is_empty());
    assert_eq!(
        app.page("/services/acupuncture").await.text("h1"),
        "Acupuncture"
    );

    // The article: the seed's, translated.
    let id = app
        .count("SELECT id FROM articles WHERE slug = '5-ways-that-acupuncture-helps-with-low-back-pain'")
        .await;
    let translation = json!({
        "id": id, "locale": "Es", "version": 0,
        "translation": { "title": "5 formas en que la acupuntura ayuda con el dolor lumbar",
                         "summary": "Cómo actúa la acupuntura.", "body_md": "La acupuntura **ayuda**." }
    });
    let missing_title = {
        let mut t = translation.clone();
        t["translation"]["title"] = "".into();
        t
    };
    let refused = post_json(
        &app,
        &editor.client,
        "/api/admin/save_article_translation",
        &missing_title,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = post_json(
        &app,
        &editor.client,
        "/api/admin/save_article_translation",
        &translation,
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let spanish = app
        .page("/es/articulos/5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    assert_eq!(
        spanish.text("h1"),
        "5 formas en que la acupuntura ayuda con el dolor lumbar"
    );
    assert!(spanish.texts(".translation-note").is_empty());
    assert!(spanish
        .inner_html(".prose")
        .contains("<strong>ayuda</strong>"));
    let list = app.page("/es/articulos").await;
    assert!(list
        .texts(".article-item h3")
        .contains(&"5 formas en que la acupuntura ayuda con el dolor lumbar".to_owned()));
    let english = app
        .page("/articles/5-ways-that-acupuncture-helps-with-low-back-pain")
        .await;
    assert_eq!(
        english.text("h1"),
        "5 Ways that Acupuncture Helps with Low Back Pain"
    );
    let opened = app
        .call(&editor.client, "admin/article", &[("id", &id.to_string())])
        .await;
    // The editor opens the article with its translation.
    let opened: serde_json::Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened["translations"][0]["locale"], "Es");
    assert_eq!(opened["translations"][0]["version"], 1);
    assert_eq!(
        opened["translations"][0]["fields"]["body_md"],
        "La acupuntura **ayuda**."
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action IN ('service.translate', 'article.translate')")
            .await,
        2
    );
}

/// Calls a server function with a JSON body, as the page's code does.
async fn post_json(
    app: &crate::support::helpers::TestApp,
    client: &reqwest::Client,
    path: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("POST {path}: {e}"))
}

#[tokio::test]
async fn a_spanish_form_sent_too_often_says_so_in_spanish_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut config = Config::for_tests(format!(
        "sqlite://{}",
        dir.path().join("clinic.db").display()
    ));
    config.rate_limit = (1, std::time::Duration::from_secs(600));
    let app = spawn_with(dir, config).await;
    let token = app.form_token().await;
    redirect_target(&post_spanish_form(&app, &valid_fields(), &token).await);
    let token = app.form_token().await;
    let response = post_spanish_form(&app, &valid_fields(), &token).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = response.text().await.unwrap_or_default();
    assert!(
        html.contains(
            "Ha enviado varias solicitudes en poco tiempo. Vuelva a intentarlo en 10 minuto(s)"
        ),
        "{html}"
    );
    assert!(html.contains(r#"value="Ana Lima""#), "typed values kept");
}

/// Two members of staff translate the same article at once: the second
/// save, based on the version both opened, is refused and loses nothing;
/// every kept version is a revision, and each save and its audit entry are
/// kept together or not at all. On SQLite and, in the test command's second
/// pass, on PostgreSQL.
#[tokio::test]
async fn a_stale_translation_is_refused_and_each_save_is_kept_with_its_revision_and_audit_entry() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let ana = app.staff_named(Role::Editor, "ana@clinic.example").await;
    let ben = app.staff_named(Role::Editor, "ben@clinic.example").await;
    let id = app
        .count("SELECT id FROM articles WHERE slug = '5-ways-that-acupuncture-helps-with-low-back-pain'")
        .await;
    let save = |version: i64, title: &str| {
        json!({
            "id": id, "locale": "Es", "version": version,
            "translation": { "title": title, "summary": "Resumen.", "body_md": "Texto." }
        })
    };
    let path = "/api/admin/save_article_translation";
    // Both opened it before anyone wrote it (version 0).
    let first = post_json(&app, &ana.client, path, &save(0, "Primera versión")).await;
    assert_eq!(first.status(), StatusCode::OK);
    let stale = post_json(&app, &ben.client, path, &save(0, "Versión de Ben")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let title = || async {
        app.page("/es/articulos/5-ways-that-acupuncture-helps-with-low-back-pain")
            .await
            .text("h1")
    };
    assert_eq!(title().await, "Primera versión");
    // Reloaded, Ben saves on top of Ana's.
    let again = post_json(&app, &ben.client, path, &save(1, "Versión de Ben")).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(title().await, "Versión de Ben");
    let kept = |sql: &'static str| app.count(sql);
    assert_eq!(
        kept("SELECT COUNT(*) FROM content_revisions WHERE kind = 'article' AND locale = 'es'")
            .await,
        2
    );
    assert_eq!(
        kept("SELECT COUNT(*) FROM audit_log WHERE action = 'article.translate'").await,
        2,
        "the refused save is not recorded"
    );

    // The audit entry cannot be written: the change is not kept either.
    crate::support::helpers::refuse_audit_entries(&app).await;
    let unrecorded = post_json(&app, &ana.client, path, &save(2, "Sin registro")).await;
    assert!(
        unrecorded.status().is_server_error(),
        "{}",
        unrecorded.status()
    );
    assert_eq!(title().await, "Versión de Ben");
    assert_eq!(
        kept("SELECT COUNT(*) FROM content_revisions WHERE kind = 'article' AND locale = 'es'")
            .await,
        2
    );
    let service = json!({
        "slug": "acupuncture", "version": 1,
        "draft": { "name": "Acupuncture", "summary": "Sin registro.", "body_md": "Texto.",
                   "seo_title": "", "seo_description": "" }
    });
    let unrecorded = post_json(&app, &ana.client, "/api/admin/save_service", &service).await;
    assert!(
        unrecorded.status().is_server_error(),
        "{}",
        unrecorded.status()
    );
    assert_ne!(
        app.page("/services/acupuncture").await.text(".lead"),
        "Sin registro."
    );
}

/// A deleted article's translations and their revisions go with it: the
/// next new article, which SQLite may give the same id, is translated from
/// nothing.
#[tokio::test]
async fn a_new_article_after_a_deleted_one_is_translated_from_nothing() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let create = |title: &'static str, slug: &'static str| {
        let app = &app;
        let client = editor.client.clone();
        async move {
            let (id, _): (i64, i64) = app
                .save_article(&client, None, 0, title, slug)
                .await
                .json()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            id
        }
    };
    let translate = |id: i64| {
        json!({
            "id": id, "locale": "Es", "version": 0,
            "translation": { "title": "Título", "summary": "Resumen.", "body_md": "Texto." }
        })
    };
    let path = "/api/admin/save_article_translation";
    let first = create("Newest", "newest").await;
    let saved = post_json(&app, &editor.client, path, &translate(first)).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let deleted = app
        .call(
            &editor.client,
            "admin/delete_article",
            &[("id", &first.to_string())],
        )
        .await;
    assert_eq!(deleted.status(), StatusCode::OK);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM content_revisions WHERE kind = 'article'")
            .await,
        0
    );
    let next = create("Next", "next").await;
    let saved = post_json(&app, &editor.client, path, &translate(next)).await;
    assert_eq!(
        saved.status(),
        StatusCode::OK,
        "{}",
        saved.text().await.unwrap_or_default()
    );
}

/// An article may have its own address in Spanish, as service pages do:
/// patients, lists, hreflang and the sitemap use it, and either language's
/// other address answers 302 to the one of the page asked for. An address
/// another article has, in any language, is refused on its field.
#[tokio::test]
async fn an_article_translated_with_its_own_address_is_read_there_in_spanish() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let english = "5-ways-that-acupuncture-helps-with-low-back-pain";
    let spanish = "acupuntura-y-dolor-lumbar";
    let id = app
        .count(&format!("SELECT id FROM articles WHERE slug = '{english}'"))
        .await;
    let path = "/api/admin/save_article_translation";
    let translation = |version: i64, slug: &str| {
        json!({
            "id": id, "locale": "Es", "version": version,
            "translation": { "slug": slug, "title": "Acupuntura y dolor lumbar",
                             "summary": "Cómo ayuda la acupuntura.", "body_md": "Texto." }
        })
    };
    let badly_written = post_json(
        &app,
        &editor.client,
        path,
        &translation(0, "Acupuntura Lumbar"),
    )
    .await;
    assert_eq!(badly_written.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = post_json(&app, &editor.client, path, &translation(0, spanish)).await;
    assert_eq!(saved.status(), StatusCode::OK);

    let page = app.page(&format!("/es/articulos/{spanish}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("h1"), "Acupuntura y dolor lumbar");
    let alternate = |hreflang: &str| {
        page.attrs(
            &format!(r#"link[rel="alternate"][hreflang="{hreflang}"]"#),
            "href",
        )
    };
    assert!(alternate("es")[0].ends_with(&format!("/es/articulos/{spanish}")));
    assert!(alternate("en")[0].ends_with(&format!("/articles/{english}")));
    assert!(page.attrs(r#"link[rel="canonical"]"#, "href")[0].ends_with(spanish));

    // Each language's other address goes to the page's own.
    for (asked, own) in [
        (
            format!("/es/articulos/{english}"),
            format!("/es/articulos/{spanish}"),
        ),
        (
            format!("/articles/{spanish}"),
            format!("/articles/{english}"),
        ),
    ] {
        let moved = app.get(&asked).await;
        assert_eq!(moved.status(), StatusCode::FOUND, "{asked}");
        assert_eq!(
            moved
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok()),
            Some(own.as_str()),
            "{asked}"
        );
    }
    let list = app.page("/es/articulos").await;
    assert!(list
        .attrs(".article-item a", "href")
        .contains(&format!("/es/articulos/{spanish}")));
    let sitemap = app
        .get("/sitemap.xml")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        sitemap.contains(&format!("/es/articulos/{spanish}</loc>")),
        "{sitemap}"
    );

    // The editor opens it with its address; another article may not take it.
    let opened = app
        .call(&editor.client, "admin/article", &[("id", &id.to_string())])
        .await;
    let opened: serde_json::Value = opened.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(opened["translations"][0]["fields"]["slug"], spanish);
    let (other, _): (i64, i64) = app
        .save_article(&editor.client, None, 0, "Sciatica", "sciatica")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Nor may another article's own address be the Spanish one.
    let renamed = app
        .save_article(&editor.client, Some(other), 1, "Sciatica", spanish)
        .await;
    assert_eq!(renamed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for taken in [spanish, english] {
        let clash = json!({
            "id": other, "locale": "Es", "version": 0,
            "translation": { "slug": taken, "title": "Ciática", "summary": "Resumen.", "body_md": "Texto." }
        });
        let refused = post_json(&app, &editor.client, path, &clash).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{taken}"
        );
        let errors = crate::support::helpers::draft_errors(refused).await;
        assert_eq!(
            errors.get(app::domain::Field::Slug),
            Some("Another article already uses this address."),
            "{errors:?}"
        );
    }
}

/// Staff name a category in Spanish in the admin: the Spanish pages show
/// the name at once; a stale save is refused; the front desk may not.
#[tokio::test]
async fn staff_rename_a_category_in_spanish_and_spanish_pages_show_it() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let listed = app.call(&editor.client, "admin/categories", &[]).await;
    assert_eq!(listed.status(), StatusCode::OK);
    let listed: serde_json::Value = listed.json().await.unwrap_or_else(|e| panic!("{e}"));
    let acupuncture = listed
        .as_array()
        .and_then(|all| all.iter().find(|c| c["slug"] == "acupuncture"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        acupuncture["translations"][0]["fields"]["name"],
        "Acupuntura"
    );
    let version = acupuncture["translations"][0]["version"]
        .as_i64()
        .unwrap_or_default();
    let name = |version: i64, name: &str| json!({ "slug": "acupuncture", "locale": "Es", "version": version, "name": { "name": name } });
    let path = "/api/admin/save_category_name";
    let front_desk = app.staff(Role::FrontDesk).await;
    let refused = post_json(&app, &front_desk.client, path, &name(version, "Agujas")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let empty = post_json(&app, &editor.client, path, &name(version, " ")).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = post_json(
        &app,
        &editor.client,
        path,
        &name(version, "Acupuntura tradicional"),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let stale = post_json(&app, &editor.client, path, &name(version, "Agujas")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);

    let list = app.page("/es/articulos?category=acupuncture").await;
    assert_eq!(list.text("h1"), "Artículos sobre Acupuntura tradicional");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM content_revisions WHERE kind = 'category'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'category.translate'")
            .await,
        1
    );
}

/// A published article whose address changes, in English or in Spanish,
/// is still found at every address it had: one 301 to where it is now.
#[tokio::test]
async fn a_published_article_keeps_its_old_addresses_in_every_language() {
    use app::domain::staff::Role;
    use serde_json::json;
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let first = "5-ways-that-acupuncture-helps-with-low-back-pain";
    let id = app
        .count(&format!("SELECT id FROM articles WHERE slug = '{first}'"))
        .await;
    let version = app
        .count(&format!("SELECT version FROM articles WHERE id = {id}"))
        .await;
    let title = "5 Ways That Acupuncture Helps With Low Back Pain";
    let renamed = app
        .save_article(
            &editor.client,
            Some(id),
            version,
            title,
            "acupuncture-and-low-back-pain",
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::OK);
    let spanish = |version: i64, slug: &str| {
        json!({
            "id": id, "locale": "Es", "version": version,
            "translation": { "slug": slug, "title": "Acupuntura y dolor lumbar",
                             "summary": "Cómo ayuda la acupuntura.", "body_md": "Texto." }
        })
    };
    let path = "/api/admin/save_article_translation";
    for (version, slug) in [(0, "acupuntura-lumbar"), (1, "acupuntura-y-dolor-lumbar")] {
        let saved = post_json(&app, &editor.client, path, &spanish(version, slug)).await;
        assert_eq!(saved.status(), StatusCode::OK, "{slug}");
    }
    let now_en = "/articles/acupuncture-and-low-back-pain";
    let now_es = "/es/articulos/acupuntura-y-dolor-lumbar";
    for (old, now) in [
        (format!("/articles/{first}"), now_en),
        // The English address under the Spanish prefix, and the first
        // Spanish one: straight to the latest, not along a chain.
        (format!("/es/articulos/{first}"), now_es),
        ("/es/articulos/acupuntura-lumbar".to_owned(), now_es),
    ] {
        let answer = app.get(&old).await;
        assert_eq!(answer.status(), StatusCode::MOVED_PERMANENTLY, "{old}");
        assert_eq!(
            answer
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok()),
            Some(now),
            "{old}"
        );
        assert_eq!(app.get(now).await.status(), StatusCode::OK, "{now}");
    }

    // Named back: the first address is the article's again, and the one
    // it left leads there.
    let back = app
        .save_article(&editor.client, Some(id), version + 1, title, first)
        .await;
    assert_eq!(back.status(), StatusCode::OK);
    assert_eq!(
        app.get(&format!("/articles/{first}")).await.status(),
        StatusCode::OK
    );
    let left = app.get(now_en).await;
    assert_eq!(left.status(), StatusCode::MOVED_PERMANENTLY);
    assert_eq!(
        left.headers().get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/articles/{first}").as_str())
    );

    // A draft never had a public address: renaming it leaves nothing behind.
    let (draft, version): (i64, i64) = app
        .save_article(&editor.client, None, 0, "Sciatica", "sciatica-draft")
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let saved = app
        .save_article(&editor.client, Some(draft), version, "Sciatica", "sciatica")
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        app.get("/articles/sciatica-draft").await.status(),
        StatusCode::NOT_FOUND
    );
}
