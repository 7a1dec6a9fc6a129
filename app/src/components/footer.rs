use super::header::site_pages;
use super::use_clinic;
use crate::routes::Pages;
use leptos::prelude::*;

/// About the clinic, how to reach it, where to follow it, and every page.
#[component]
pub fn Footer() -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <footer class="site-footer">
            <div class="wrap footer-grid">
                <Suspense>
                    {move || Suspend::new(async move {
                        let clinic = clinic.await.ok();
                        let text = clinic.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                        let about = clinic.map(|c| {
                            let has_social = !c.social.is_empty();
                            view! {
                                <section aria-labelledby="footer-about">
                                    <h2 id="footer-about">{text.about_clinic.clone()}</h2>
                                    <p>{c.description.clone()}</p>
                                    <p>{c.about.clone()}</p>
                                    <p class="tagline">{c.tagline.clone()}</p>
                                </section>
                                <section aria-labelledby="footer-contact">
                                    <h2 id="footer-contact">{text.contact.clone()}</h2>
                                    <p><a href=c.phone.tel_href()>{c.phone.to_string()}</a></p>
                                    <p><a href=c.mailto_href()>{c.email.clone()}</a></p>
                                    <p>{text.serving.clone()}</p>
                                    {has_social.then(|| view! {
                                        <h3>{text.follow_us.clone()}</h3>
                                        <ul class="social-links">
                                            {c.social.iter().map(|s| view! {
                                                <li><a href=s.url.clone() rel="me noopener">{s.label.clone()}</a></li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </section>
                            }
                        });
                        view! {
                            {about}
                            <nav aria-label=text.nav_footer.clone()>
                                <h2>{text.nav_footer.clone()}</h2>
                                <ul>
                                    {site_pages(&text).into_iter().chain([(Pages(text.locale).privacy(), text.privacy.clone())]).map(|(href, label)| view! {
                                        <li><a href=href>{label}</a></li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        }
                    })}
                </Suspense>
            </div>
        </footer>
    }
}
