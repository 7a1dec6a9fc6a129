# The site's interface text in English. Every message here must also be in
# es.ftl, and the other way round: the build fails otherwise (app/build.rs).

## The header, the menu and the footer
skip-to-content = Skip to main content
call-us = Call us:
email-us = E-mail us:
schedule-online = Schedule Online
menu = Menu
nav-main = Main
nav-home = Home
nav-services = Services
nav-articles = Articles
nav-about = About
nav-contact = Contact
nav-footer = Pages
nav-privacy = Privacy
about-clinic = About { $clinic }
follow-us = Follow Us
serving = Serving { $area }
language-switch = Español
language-switch-label = Esta página en español

## Pages that are not there
not-found-title = Page not found
not-found-description = This page doesn't exist. Find our services and articles from here.
not-found-text = We couldn't find that page. It may have moved, or the address may be mistyped.
not-found-home = Home page
not-found-services = Our services
not-found-articles = Articles
not-found-contact = Contact us

## Dates: "Dec 13, 2023" in lists, "December 13, 2023" in full
date-short = { $month-short } { $day }, { $year }
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
