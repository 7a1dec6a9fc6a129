use crate::support::helpers::spawn_app;
use crate::support::media_helpers::{jpeg, jpeg_with_location, pixel_bomb};
use app::domain::media::StoredImage;
use app::domain::staff::Role;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::StatusCode;

#[tokio::test]
async fn an_upload_is_re_encoded_in_responsive_sizes_without_its_location() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let original = jpeg_with_location(2400, 1350);
    assert!(original.windows(4).any(|w| w == b"Exif"));

    let response = app
        .upload(&editor.client, "image/jpeg", original.clone())
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let stored: StoredImage = response.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(stored.widths, [480, 960, 1600]);
    assert_eq!((stored.width, stored.height), (1600, 900));

    for (width, height) in [(480, 270), (960, 540), (1600, 900)] {
        let served = app.get(&stored.key.url(width)).await;
        assert_eq!(served.status(), StatusCode::OK, "{width}");
        assert_eq!(served.headers()[CONTENT_TYPE], "image/jpeg");
        assert_eq!(
            served.headers()[CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let bytes = served.bytes().await.unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif" || w == b"GPSL"),
            "{width}: EXIF survived"
        );
        let decoded = image::load_from_memory(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((decoded.width(), decoded.height()), (width, height));
    }

    // The same bytes again: the same image, nothing stored twice.
    let again = app.upload(&editor.client, "image/jpeg", original).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: StoredImage = again.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again, stored);
    assert_eq!(app.count("SELECT COUNT(*) FROM media").await, 1);
}

#[tokio::test]
async fn non_images_oversized_files_and_pixel_bombs_are_refused_and_nothing_is_kept() {
    let app = spawn_app().await;
    let editor = app.staff(Role::Editor).await;
    let cases: Vec<(&str, &str, Vec<u8>, StatusCode, &str)> = vec![
        (
            "a script named like an image",
            "image/jpeg",
            b"#!/bin/sh\nrm -rf /\n".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not a JPEG, PNG or WebP image",
        ),
        (
            "a GIF",
            "image/gif",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "not a JPEG, PNG or WebP image",
        ),
        (
            "13 MB",
            "image/jpeg",
            vec![0xFF; 13 * 1024 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "larger than 12 MB",
        ),
        (
            "a pixel bomb",
            "image/jpeg",
            pixel_bomb(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "60000 × 60000 pixels",
        ),
        (
            "too small for a hero",
            "image/jpeg",
            jpeg(640, 480),
            StatusCode::UNPROCESSABLE_ENTITY,
            "at least 960",
        ),
        (
            "a damaged JPEG",
            "image/jpeg",
            jpeg(1200, 800)[..400].to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "could not be read",
        ),
    ];
    for (name, content_type, bytes, status, says) in cases {
        let response = app.upload(&editor.client, content_type, bytes).await;
        assert_eq!(response.status(), status, "{name}");
        let text = response.text().await.unwrap_or_default();
        assert!(text.contains(says), "{name}: {text}");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM media").await, 0);
    let media_dir = app.dir.path().join("media");
    let files = std::fs::read_dir(&media_dir).map_or(0, |d| d.count());
    assert_eq!(files, 0, "files left in {}", media_dir.display());
}

#[tokio::test]
async fn only_editors_and_administrators_upload_and_never_from_another_site() {
    let app = spawn_app().await;
    let front = app.staff(Role::FrontDesk).await;
    let editor = app.staff(Role::Editor).await;
    let admin = app.staff(Role::Admin).await;
    let anonymous = app.browser();
    for (who, client, want) in [
        ("anonymous", &anonymous, StatusCode::UNAUTHORIZED),
        ("front desk", &front.client, StatusCode::FORBIDDEN),
        ("editor", &editor.client, StatusCode::CREATED),
        ("admin", &admin.client, StatusCode::CREATED),
    ] {
        let response = app.upload(client, "image/jpeg", jpeg(960, 540)).await;
        assert_eq!(response.status(), want, "{who}");
    }
    let cross_site = editor
        .client
        .post(app.url("/api/admin/media"))
        .header("sec-fetch-site", "cross-site")
        .body(jpeg(1000, 540))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("SELECT COUNT(*) FROM media").await, 1);
}
