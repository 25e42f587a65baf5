"""Runs header values through Werkzeug for tsgi's differential test.

Reads one JSON object {"kind": ..., "cases": [...]} on stdin and writes one JSON list of results
on stdout, in case order. One process handles a whole kind, so the test starts Python once per
header kind, not once per value.
"""
import json
import sys

import werkzeug
from werkzeug.datastructures import (
    Accept,
    CharsetAccept,
    LanguageAccept,
    MIMEAccept,
    RequestCacheControl,
    ResponseCacheControl,
)
from werkzeug.http import (
    parse_accept_header,
    parse_cache_control_header,
    parse_date,
    parse_etags,
    parse_list_header,
    parse_range_header,
)

ACCEPT_CLASSES = {
    "accept": MIMEAccept,
    "accept-language": LanguageAccept,
    "accept-charset": CharsetAccept,
    "accept-encoding": Accept,
}


def accept(kind, case):
    parsed = parse_accept_header(case["header"], ACCEPT_CLASSES[kind])
    return {
        "qualities": [parsed.quality(offer) for offer in case["offers"]],
        "best": [parsed.best_match(offers) for offers in case["bestOf"]],
    }


def fields(value):
    # Werkzeug 2.x reports a bare no-cache/private as "*", 3.x as True.
    if value is None:
        return False
    if value is True or value == "*":
        return True
    return parse_list_header(value)


def _prop(obj, attr, key, kind):
    """A typed cache-control property; Werkzeug 2.2 lacks some, read them from the dict then."""
    if hasattr(type(obj), attr):
        return getattr(obj, attr)
    if kind is bool:
        return key in obj
    value = obj.get(key)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def cache_control(header):
    res = parse_cache_control_header(header, None, ResponseCacheControl)
    req = parse_cache_control_header(header, None, RequestCacheControl)
    max_stale = req.max_stale
    if max_stale == "*":
        max_stale = True
    return {
        "maxAge": res.max_age,
        "sMaxage": res.s_maxage,
        "noCache": fields(res.no_cache),
        "noStore": res.no_store,
        "public": res.public,
        "private": fields(res.private),
        "mustRevalidate": res.must_revalidate,
        "proxyRevalidate": res.proxy_revalidate,
        "noTransform": bool(res.no_transform),  # Werkzeug 2.x gives None for absent
        "immutable": _prop(res, "immutable", "immutable", bool),
        "staleWhileRevalidate": _prop(res, "stale_while_revalidate", "stale-while-revalidate", int),
        "staleIfError": _prop(res, "stale_if_error", "stale-if-error", int),
        "maxStale": max_stale,
        "minFresh": req.min_fresh,
        "onlyIfCached": req.only_if_cached,
    }


def etags(case):
    parsed = parse_etags(case["header"])
    return {
        "star": parsed.star_tag,
        "contains": [parsed.contains(tag) for tag in case["tags"]],
        "containsWeak": [parsed.contains_weak(tag) for tag in case["tags"]],
    }


def byte_range(case):
    parsed = parse_range_header(case["header"])
    if parsed is None:
        return None
    length = case["length"]
    content_range = parsed.to_content_range_header(length)
    return {
        "units": parsed.units,
        "ranges": [list(r) for r in parsed.ranges],
        "rangeForLength": list(parsed.range_for_length(length) or []) or None,
        "contentRange": content_range,
    }


def conditional(case):
    from werkzeug.exceptions import HTTPException
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Response

    environ = EnvironBuilder(method=case["method"], headers=case["headers"]).get_environ()
    res = Response(b"0123456789", mimetype="application/octet-stream")
    if case.get("etag"):
        res.set_etag(case["etag"])
    if case.get("lastModified"):
        res.headers["Last-Modified"] = case["lastModified"]
    try:
        res.make_conditional(environ, accept_ranges=True, complete_length=10)
    except HTTPException as error:
        headers = error.get_response(environ).headers
        return {"status": error.code, "contentRange": headers.get("Content-Range")}
    return {"status": res.status_code, "contentRange": res.headers.get("Content-Range")}


def date(header):
    parsed = parse_date(header)
    return None if parsed is None else parsed.timestamp()


def main():
    request = json.load(sys.stdin)
    kind = request["kind"]
    cases = request["cases"]
    if kind == "version":
        results = [getattr(werkzeug, "__version__", None) or _version()]
    elif kind in ACCEPT_CLASSES:
        results = [accept(kind, case) for case in cases]
    elif kind == "cache-control":
        results = [cache_control(case) for case in cases]
    elif kind == "etags":
        results = [etags(case) for case in cases]
    elif kind == "range":
        results = [byte_range(case) for case in cases]
    elif kind == "conditional":
        results = [conditional(case) for case in cases]
    elif kind == "date":
        results = [date(case) for case in cases]
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    json.dump(results, sys.stdout)


def _version():
    from importlib.metadata import version

    return version("werkzeug")


if __name__ == "__main__":
    main()
