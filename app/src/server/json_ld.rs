//! The page's JSON-LD graph for search engines. Built only on the server:
//! crawlers read the page as served, so the browser's bundle carries no JSON
//! builder for it.

use crate::domain::seo::{absolute, PageKind, PageSeo};
use crate::domain::ClinicInfo;
use serde_json::{json, Value};

/// The page's JSON-LD `@graph`, safe to put inside `<script>`: `<`, `>` and
/// `&` are written as JSON escapes, so no text can close the element.
/// One step: the page's structured data graph, one node after another as schema.org nests them.
pub fn json_ld(clinic: &ClinicInfo, page: &PageSeo) -> String {
    let base = clinic.base_url.trim_end_matches('/');
    let clinic_id = format!("{base}/#clinic");
    let website_id = format!("{base}/#website");
    let url = absolute(base, &page.path);
    let mut graph = vec![clinic_node(clinic, &clinic_id)];
    let page_node = match &page.kind {
        PageKind::Home => {
            graph.push(json!({
                "@type": "WebSite",
                "@id": website_id,
                "url": format!("{base}/"),
                "name": clinic.name,
                "publisher": { "@id": clinic_id },
            }));
            json!({
                "@type": "WebPage",
                "@id": format!("{url}#page"),
                "url": url,
                "name": clinic.name,
                "description": page.description,
                "about": { "@id": clinic_id },
                "isPartOf": { "@id": website_id },
            })
        }
        PageKind::Page => json!({
            "@type": "WebPage",
            "@id": format!("{url}#page"),
            "url": url,
            "name": page.name,
            "description": page.description,
            "isPartOf": { "@id": website_id },
        }),
        PageKind::Service => json!({
            "@type": "MedicalWebPage",
            "@id": format!("{url}#page"),
            "url": url,
            "name": page.name,
            "description": page.description,
            "about": { "@type": "MedicalTherapy", "name": page.name },
            "publisher": { "@id": clinic_id },
            "isPartOf": { "@id": website_id },
        }),
        PageKind::Article {
            published,
            modified,
            section,
        } => {
            let mut node = json!({
                "@type": "BlogPosting",
                "@id": format!("{url}#article"),
                "url": url,
                "mainEntityOfPage": url,
                "headline": page.name,
                "description": page.description,
                "datePublished": published,
                "dateModified": modified,
                "articleSection": section,
                "about": { "@type": "Thing", "name": section },
                "author": { "@id": clinic_id },
                "publisher": { "@id": clinic_id },
                "isPartOf": { "@id": website_id },
            });
            if let (Some(image), Value::Object(map)) = (&page.image, &mut node) {
                map.insert("image".into(), json!(absolute(base, &image.path)));
            }
            node
        }
    };
    graph.push(page_node);
    if !page.trail.is_empty() {
        let mut items: Vec<Value> = Vec::new();
        let pages = crate::routes::Pages(clinic.text.locale);
        let crumbs = std::iter::once((clinic.text.home.as_str(), pages.home()))
            .chain(page.trail.iter().map(|(n, p)| (n.as_str(), p.as_str())))
            .chain(std::iter::once((page.name.as_str(), page.path.as_str())));
        for (position, (name, path)) in (1..).zip(crumbs) {
            items.push(json!({
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(base, path),
            }));
        }
        graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": items }));
    }
    let text = json!({ "@context": "https://schema.org", "@graph": graph }).to_string();
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn clinic_node(clinic: &ClinicInfo, id: &str) -> Value {
    let base = clinic.base_url.trim_end_matches('/');
    // The services' pages in the language of the page the graph is on.
    let pages = crate::routes::Pages(clinic.text.locale);
    let digits = clinic.phone.digits();
    let mut node = json!({
        "@type": "MedicalClinic",
        "@id": id,
        "name": clinic.name,
        "url": format!("{base}/"),
        "logo": format!("{base}/icon-512.png"),
        "image": format!("{base}/icon-512.png"),
        "description": clinic.description,
        "telephone": format!("+1-{}-{}-{}", &digits[0..3], &digits[3..6], &digits[6..]),
        "email": clinic.email,
        "areaServed": clinic.area_served,
        "availableService": clinic.services.iter().map(|s| json!({
            "@type": "MedicalTherapy",
            "name": s.name,
            "url": absolute(base, &pages.service(&s.slug)),
        })).collect::<Vec<_>>(),
    });
    if let Value::Object(map) = &mut node {
        if let Some(address) = &clinic.address {
            map.insert(
                "address".into(),
                json!({ "@type": "PostalAddress", "streetAddress": address }),
            );
        }
        if !clinic.hours.is_empty() {
            map.insert("openingHours".into(), json!(clinic.hours));
        }
        if !clinic.specialties.is_empty() {
            map.insert("medicalSpecialty".into(), json!(clinic.specialties));
        }
        if !clinic.social.is_empty() {
            let urls: Vec<&str> = clinic.social.iter().map(|s| s.url.as_str()).collect();
            map.insert("sameAs".into(), json!(urls));
        }
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Phone, ServiceSummary, Slug};

    fn clinic() -> ClinicInfo {
        ClinicInfo {
            name: "Clinic & Co".into(),
            tagline: String::new(),
            description: "Care.".into(),
            about: String::new(),
            area_served: "Monmouth County, NJ".into(),
            phone: Phone::parse("(732) 345-1377").unwrap_or_else(|e| panic!("{e}")),
            email: "info@example.com".into(),
            address: None,
            hours: vec![],
            social: vec![],
            specialties: vec!["Physiotherapy".into()],
            base_url: "https://clinic.example".into(),
            services: vec![ServiceSummary {
                slug: Slug::parse("acupuncture").unwrap_or_else(|e| panic!("{e}")),
                name: "Acupuncture".into(),
                summary: String::new(),
                locale: Default::default(),
            }],
            text: crate::domain::locale::ShellText {
                home: "Home".into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn no_text_can_close_the_script_element() {
        let page = PageSeo {
            name: "</script><script>alert(1)</script>".into(),
            path: "/articles/x".into(),
            kind: PageKind::Article {
                published: "2024-01-01T00:00:00Z".into(),
                modified: "2024-01-02T00:00:00Z".into(),
                section: "A & B".into(),
            },
            ..PageSeo::default()
        };
        let text = json_ld(&clinic(), &page);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let parsed: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            parsed["@graph"][1]["headline"],
            "</script><script>alert(1)</script>"
        );
    }

    #[test]
    fn the_clinic_is_in_every_graph_and_referenced_by_id() {
        let page = PageSeo {
            name: "Acupuncture".into(),
            path: "/services/acupuncture".into(),
            kind: PageKind::Service,
            trail: vec![("Services".into(), "/services".into())],
            ..PageSeo::default()
        };
        let parsed: Value =
            serde_json::from_str(&json_ld(&clinic(), &page)).unwrap_or_else(|e| panic!("{e}"));
        let graph = &parsed["@graph"];
        assert_eq!(graph[0]["@type"], "MedicalClinic");
        assert_eq!(graph[0]["telephone"], "+1-732-345-1377");
        assert_eq!(graph[1]["@type"], "MedicalWebPage");
        assert_eq!(graph[1]["publisher"]["@id"], graph[0]["@id"]);
        assert_eq!(graph[2]["@type"], "BreadcrumbList");
        assert_eq!(
            graph[2]["itemListElement"][2]["item"],
            "https://clinic.example/services/acupuncture"
        );
        assert_eq!(
            graph[0]["availableService"][0]["url"],
            "https://clinic.example/services/acupuncture"
        );
    }

    #[test]
    fn a_spanish_page_names_spanish_addresses() {
        let mut clinic = clinic();
        clinic.text.locale = crate::domain::Locale::Es;
        clinic.text.home = "Inicio".into();
        clinic.services[0].slug = Slug::parse("acupuntura").unwrap_or_else(|e| panic!("{e}"));
        let page = PageSeo {
            name: "Acupuntura".into(),
            path: "/es/servicios/acupuntura".into(),
            kind: PageKind::Service,
            trail: vec![("Servicios".into(), "/es/servicios".into())],
            ..PageSeo::default()
        };
        let parsed: Value =
            serde_json::from_str(&json_ld(&clinic, &page)).unwrap_or_else(|e| panic!("{e}"));
        let graph = &parsed["@graph"];
        assert_eq!(
            graph[0]["availableService"][0]["url"],
            "https://clinic.example/es/servicios/acupuntura"
        );
        let crumbs = &graph[2]["itemListElement"];
        assert_eq!(crumbs[0]["name"], "Inicio");
        assert_eq!(crumbs[0]["item"], "https://clinic.example/es");
        assert_eq!(
            crumbs[2]["item"],
            "https://clinic.example/es/servicios/acupuntura"
        );
    }
}
