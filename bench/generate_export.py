"""Writes a WordPress export (WXR) with N generated articles, for the
benchmark's database: loaded through `server import-wordpress` like real
content."""
import sys
from datetime import datetime, timedelta

count = int(sys.argv[1])
categories = ["Back Pain", "Physical Therapy", "Scoliosis", "Chiropractic", "Acupuncture"]
paragraph = (
    "Gentle, regular movement helps most people with lower back pain more than rest does. "
    "Start with short walks, add the stretches your therapist shows you, and stop if pain "
    "spreads down a leg or comes with numbness."
)
print('<?xml version="1.0" encoding="UTF-8"?>')
print('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
      'xmlns:wp="http://wordpress.org/export/1.2/"><channel>')
start = datetime(2024, 1, 1, 9, 0, 0)
for n in range(1, count + 1):
    category = categories[n % len(categories)]
    nice = category.lower().replace(" ", "-")
    date = (start + timedelta(days=n)).strftime("%Y-%m-%d %H:%M:%S")
    body = "\n\n".join(
        [paragraph] * 3
        + ["<h2>What to try at home</h2>", "<ul><li>Walk for ten minutes</li><li>Knee to chest stretch</li><li>Pelvic tilts</li></ul>"]
        + [paragraph] * 3
    )
    print(f"""<item><title>Generated article {n}: easing {category.lower()}</title>
<link>https://old.example/generated-article-{n}/</link>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{100000 + n}</wp:post_id>
<wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>generated-article-{n}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="{nice}"><![CDATA[{category}]]></category>
</item>""")
print("</channel></rss>")
