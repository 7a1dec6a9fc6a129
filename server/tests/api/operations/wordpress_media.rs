//! Moving off WordPress with the images: the real `import-wordpress`
//! command takes each post's images and featured image from a copy of
//! `wp-content/uploads` or from the old site, the posts point at the new
//! copies, embedded videos stay as links, and what is missing is reported.

use crate::support::helpers::{server_cli, spawn_with};
use crate::support::media_helpers::jpeg;
use server::config::Config;
use std::path::Path;

/// A post with a resized copy of an image, a missing image, a video, an
/// advert frame and a featured image (attachment 201, with its alt text).
fn export(site: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<item>
		<title><![CDATA[Stretches at your desk]]></title>
		<link>{site}/stretches-at-your-desk/</link>
		<content:encoded><![CDATA[<p>Sit tall.</p>
<p><img class="aligncenter size-medium" src="{site}/wp-content/uploads/2024/01/desk-300x200.jpg" alt="A desk set up for good posture" width="300" height="200" srcset="{site}/wp-content/uploads/2024/01/desk-300x200.jpg 300w, {site}/wp-content/uploads/2024/01/desk.jpg 1200w" /></p>
<p><img src="{site}/wp-content/uploads/2023/05/gone.jpg" alt="An old photo" /></p>
<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" title="Three stretches for the lower back" allowfullscreen></iframe>
<iframe src="https://ads.example/banner"></iframe>]]></content:encoded>
		<wp:post_id>200</wp:post_id>
		<wp:post_date_gmt><![CDATA[2024-01-10 14:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[stretches-at-your-desk]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="back-pain"><![CDATA[Back pain]]></category>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
			<wp:meta_value><![CDATA[201]]></wp:meta_value>
		</wp:postmeta>
	</item>
	<item>
		<title><![CDATA[stretch-hero]]></title>
		<wp:post_id>201</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[{site}/wp-content/uploads/2024/01/stretch-hero.jpg]]></wp:attachment_url>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
			<wp:meta_value><![CDATA[A patient stretching beside her desk]]></wp:meta_value>
		</wp:postmeta>
	</item>
</channel>
</rss>
"#
    )
}

/// What the old site's uploads folder holds (no `gone.jpg`).
fn uploads(root: &Path) {
    let month = root.join("2024/01");
    std::fs::create_dir_all(&month).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(month.join("desk.jpg"), jpeg(1200, 800)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(month.join("desk-300x200.jpg"), jpeg(300, 200))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(month.join("stretch-hero.jpg"), jpeg(1600, 900))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Imports with `source_args`, then checks the article as a patient gets it.
async fn imports_with_images(site: &str, source_args: &[&str]) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("export.xml");
    std::fs::write(&file, export(site)).unwrap_or_else(|e| panic!("{e}"));
    let file = file.display().to_string();
    let mut args = vec!["import-wordpress", file.as_str()];
    args.extend_from_slice(source_args);
    let (ok, report) = server_cli(dir.path(), &args).await;
    assert!(ok, "{report}");
    assert!(
        report.contains("missing   #200 ")
            && report.contains("2023/05/gone.jpg (still points at the old site)"),
        "{report}"
    );
    assert!(
        report.contains("removed   #200 an embedded frame from https://ads.example/banner"),
        "{report}"
    );
    assert!(
        report.contains("1 imported, 0 matched, 1 skipped, ")
            && report.contains(" 2 images moved, 1 images missing, 1 videos kept as links"),
        "{report}"
    );

    let url = format!("sqlite://{}", dir.path().join("clinic.db").display());
    let app = spawn_with(dir, Config::for_tests(url)).await;
    let page = app.page("/articles/stretches-at-your-desk").await;
    page.assert_status(reqwest::StatusCode::OK);
    let body_images: Vec<(String, String)> = page
        .html
        .select(&scraper::Selector::parse("article img").unwrap_or_else(|e| panic!("{e}")))
        .map(|img| {
            let attr = |name| img.value().attr(name).unwrap_or_default().to_owned();
            (attr("src"), attr("alt"))
        })
        .collect();
    let moved = body_images
        .iter()
        .find(|(_, alt)| alt == "A desk set up for good posture")
        .unwrap_or_else(|| panic!("the desk image is in the article: {body_images:?}"));
    assert!(
        moved.0.starts_with("/media/") && moved.0.ends_with("-960.jpg"),
        "{body_images:?}"
    );
    let hero = body_images
        .iter()
        .find(|(_, alt)| alt == "A patient stretching beside her desk")
        .unwrap_or_else(|| panic!("the featured image is the hero: {body_images:?}"));
    assert!(hero.0.starts_with("/media/"), "{body_images:?}");
    // Nothing points at the old site but the image that was missing.
    let html = page.html.html();
    assert_eq!(html.matches(site).count(), 1, "{html}");
    assert!(html.contains(&format!("{site}/wp-content/uploads/2023/05/gone.jpg")));
    // The video is a link with its title; no frame is left.
    let video = page
        .html
        .select(
            &scraper::Selector::parse("a[href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"]")
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .next()
        .unwrap_or_else(|| panic!("the video is kept as a link: {html}"))
        .text()
        .collect::<String>();
    assert!(
        video.contains("Three stretches for the lower back"),
        "{video}"
    );
    assert!(!html.contains("<iframe"));

    // The new copies are served, re-encoded (the original was 1200 wide).
    for src in [&moved.0, &hero.0] {
        let image = app.get(src).await;
        assert_eq!(image.status(), 200, "{src}");
        assert_eq!(
            image.headers().get("content-type").map(|v| v.as_bytes()),
            Some(&b"image/jpeg"[..])
        );
    }

    // Running it again adds nothing.
    let (ok, again) = server_cli(app.dir.path(), &args).await;
    assert!(ok, "{again}");
    assert!(
        again.contains("0 imported, 0 matched, 2 skipped"),
        "{again}"
    );
}

#[tokio::test]
async fn images_come_from_a_copy_of_the_uploads_folder() {
    let uploads_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    uploads(uploads_dir.path());
    let folder = uploads_dir.path().display().to_string();
    imports_with_images("https://monmouthpain.example", &["--uploads", &folder]).await;
}

#[tokio::test]
async fn images_are_fetched_from_the_old_site_while_it_answers() {
    let uploads_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    uploads(uploads_dir.path());
    // The old site: its uploads folder served over HTTP.
    let (listener, port) = crate::support::helpers::local_listener().await;
    let old_site = axum::Router::new().nest_service(
        "/wp-content/uploads",
        tower_http::services::ServeDir::new(uploads_dir.path()),
    );
    tokio::spawn(async move { axum::serve(listener, old_site).await });
    // The import runs in another process: this runtime keeps serving.
    imports_with_images(&format!("http://127.0.0.1:{port}"), &["--fetch"]).await;
}

#[tokio::test]
async fn a_missing_uploads_folder_is_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("export.xml");
    std::fs::write(&file, export("https://monmouthpain.example")).unwrap_or_else(|e| panic!("{e}"));
    let file = file.display().to_string();
    let (ok, said) = server_cli(
        dir.path(),
        &["import-wordpress", &file, "--uploads", "/no/such/folder"],
    )
    .await;
    assert!(!ok);
    assert!(
        said.contains("--uploads /no/such/folder: not a folder"),
        "{said}"
    );
}

/// A post whose images are all narrower than a hero: a chart 800 pixels
/// wide and a logo 300 wide in the text, and a featured image 600 wide.
fn narrow_export(site: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<item>
		<title><![CDATA[How posture changes with age]]></title>
		<content:encoded><![CDATA[<p>The chart shows it.</p>
<p><img src="{site}/wp-content/uploads/2022/03/posture-chart.jpg" alt="Posture by age, as a chart" width="800" height="500" /></p>
<p><img src="{site}/wp-content/uploads/2022/03/badge.jpg" alt="Board certified" /></p>]]></content:encoded>
		<wp:post_id>300</wp:post_id>
		<wp:post_date_gmt><![CDATA[2022-03-10 14:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[how-posture-changes-with-age]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="back-pain"><![CDATA[Back pain]]></category>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key>
			<wp:meta_value><![CDATA[301]]></wp:meta_value>
		</wp:postmeta>
	</item>
	<item>
		<title><![CDATA[small-featured]]></title>
		<wp:post_id>301</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[{site}/wp-content/uploads/2022/03/small-featured.jpg]]></wp:attachment_url>
		<wp:postmeta>
			<wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key>
			<wp:meta_value><![CDATA[A spine model "in profile" & a ruler]]></wp:meta_value>
		</wp:postmeta>
	</item>
</channel>
</rss>
"#
    )
}

#[tokio::test]
async fn body_images_of_any_width_are_moved_and_a_narrow_featured_image_goes_into_the_text() {
    let site = "https://monmouthpain.example";
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let month = dir.path().join("uploads/2022/03");
    std::fs::create_dir_all(&month).unwrap_or_else(|e| panic!("{e}"));
    for (name, width, height) in [
        ("posture-chart.jpg", 800, 500),
        ("badge.jpg", 300, 200),
        ("small-featured.jpg", 600, 400),
    ] {
        std::fs::write(month.join(name), jpeg(width, height)).unwrap_or_else(|e| panic!("{e}"));
    }
    let file = dir.path().join("export.xml");
    std::fs::write(&file, narrow_export(site)).unwrap_or_else(|e| panic!("{e}"));
    let (file, uploads) = (
        file.display().to_string(),
        dir.path().join("uploads").display().to_string(),
    );
    let (ok, report) = server_cli(
        dir.path(),
        &["import-wordpress", &file, "--uploads", &uploads],
    )
    .await;
    assert!(ok, "{report}");
    assert!(
        report.contains("in text   #300 its featured image is 600 pixels wide, under a hero's 960: placed at the top of the text"),
        "{report}"
    );
    assert!(
        report.contains("1 imported, 0 matched, 1 skipped, ")
            && report.contains(" 3 images moved, 0 images missing"),
        "{report}"
    );

    let url = format!("sqlite://{}", dir.path().join("clinic.db").display());
    let app = spawn_with(dir, Config::for_tests(url)).await;
    let page = app.page("/articles/how-posture-changes-with-age").await;
    page.assert_status(reqwest::StatusCode::OK);
    let html = page.html.html();
    assert!(
        !html.contains(site),
        "nothing is left on the old site: {html}"
    );
    assert!(page.texts(".hero-image").is_empty(), "no hero: {html}");
    let images: Vec<(String, String)> = page
        .html
        .select(&scraper::Selector::parse(".prose img").unwrap_or_else(|e| panic!("{e}")))
        .map(|img| {
            let attr = |name| img.value().attr(name).unwrap_or_default().to_owned();
            (attr("src"), attr("alt"))
        })
        .collect();
    let alts: Vec<&str> = images.iter().map(|(_, alt)| alt.as_str()).collect();
    assert_eq!(
        alts,
        [
            "A spine model \"in profile\" & a ruler",
            "Posture by age, as a chart",
            "Board certified"
        ],
        "the featured image first, then the text's own: {images:?}"
    );
    // Each at its own width, never enlarged, and served.
    for ((src, _), width) in images.iter().zip(["600", "800", "300"]) {
        assert!(
            src.starts_with("/media/") && src.ends_with(&format!("-{width}.jpg")),
            "{src}"
        );
        assert_eq!(app.get(src).await.status(), 200, "{src}");
    }
}
