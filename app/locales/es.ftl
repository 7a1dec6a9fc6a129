# El texto de la interfaz del sitio en español. Cada mensaje de aquí debe
# estar también en en.ftl, y al revés: si no, la compilación falla
# (app/build.rs).

## La cabecera, el menú y el pie de página
skip-to-content = Ir al contenido principal
call-us = Llámenos:
email-us = Escríbanos:
schedule-online = Pida una cita
menu = Menú
nav-main = Principal
nav-home = Inicio
nav-services = Servicios
nav-articles = Artículos
nav-about = Quiénes somos
nav-contact = Contacto
nav-footer = Páginas
nav-privacy = Privacidad
about-clinic = Sobre { $clinic }
follow-us = Síganos
serving = Atendemos a { $area }
language-switch = English
language-switch-label = This page in English

## Páginas que no existen
not-found-title = Página no encontrada
not-found-description = Esta página no existe. Encuentre aquí nuestros servicios y artículos.
not-found-text = No encontramos esa página. Puede que se haya movido o que la dirección tenga un error.
not-found-home = Página de inicio
not-found-services = Nuestros servicios
not-found-articles = Artículos
not-found-contact = Contáctenos

## Fechas: "13 dic 2023" en las listas, "13 de diciembre de 2023" completa
date-short = { $day } { $month-short } { $year }
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic
