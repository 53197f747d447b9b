#!/usr/bin/env python3
"""Reads a meterhub feed with a real feed reader (Debian's python3-feedparser), page by page, following the
feed's own RFC 5005 links, and prints what feedparser saw of each page as one JSON line.

usage: read_feed.py URL TOKEN MODE [UNTIL]
  MODE backward: start at URL and follow rel="next" until a page has none
  MODE forward:  start at URL and follow rel="previous" until a page is empty, or, with UNTIL, until UNTIL
                 entries were seen (an empty page is then polled again, for at most 120 s)
"""
import json
import sys
import time

import feedparser


def read(url, token):
    d = feedparser.parse(url, request_headers={"X-Auth-Token": token})
    entries = []
    for e in d.entries:
        content = e.get("content") or [{}]
        entries.append({
            "id": e.get("id"),
            "title": e.get("title"),
            "updated": e.get("updated"),
            "published": e.get("published"),
            "categories": [t.get("term") for t in e.get("tags", [])],
            "content_type": content[0].get("type"),
            "content": content[0].get("value"),
            "self": next((l.get("href") for l in e.get("links", []) if l.get("rel") == "self"), None),
        })
    return {
        "url": url,
        "status": d.get("status"),
        "bozo": bool(d.get("bozo")),
        "bozo_exception": repr(d.get("bozo_exception")) if d.get("bozo") else None,
        "content_type": d.get("headers", {}).get("content-type"),
        "etag": d.get("etag"),
        "feed_id": d.feed.get("id"),
        "links": {l.get("rel"): l.get("href") for l in d.feed.get("links", [])},
        "entries": entries,
    }


def main():
    url, token, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    until = int(sys.argv[4]) if len(sys.argv) > 4 else None
    seen = 0
    deadline = time.monotonic() + 120
    while url:
        page = read(url, token)
        print(json.dumps(page), flush=True)
        if page["status"] != 200:
            return
        seen += len(page["entries"])
        if mode == "backward":
            url = page["links"].get("next")
        elif page["entries"] or (until is not None and seen < until and time.monotonic() < deadline):
            if not page["entries"]:
                time.sleep(0.05)  # a reader polling for new entries
            url = page["links"].get("previous")
        else:
            url = None


if __name__ == "__main__":
    main()
