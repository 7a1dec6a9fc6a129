use crate::components::PageMeta;
use crate::routes;
use leptos::prelude::*;

/// What this site collects, stated plainly. Keep it true when features change.
#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <PageMeta
            title=Some("Privacy".to_owned())
            description="What this website collects about you, and what it does not: no tracking, no advertising, no third parties."
        />
        <div class="wrap section narrow prose">
            <h1>"Privacy"</h1>
            <p class="lead">"Reading this website tells no one but us that you visited, and we keep as little as we can."</p>
            <h2>"What the site collects when you read it"</h2>
            <ul>
                <li>"No cookies are set on your device while you read our pages."</li>
                <li>"No analytics, advertising or tracking scripts, and no social-media widgets."</li>
                <li>"Every page, font and script comes from this website: your browser contacts no other company while you read it."</li>
                <li>
                    "Like every web server, ours writes a short technical log of requests (the address of the page, the time, and whether it worked) "
                    "so we can keep the site running and safe. It does not record your name or anything you write to us."
                </li>
            </ul>
            <h2>"When you contact us"</h2>
            <p>
                "If you call or e-mail us, we use what you tell us only to answer you and to arrange your care. "
                "Please don't send medical history by e-mail: we will ask for what we need when we talk."
            </p>
            <h2>"Questions"</h2>
            <p>"Ask us anything about your data on our " <a href=routes::CONTACT>"contact page"</a> "."</p>
        </div>
    }
}
