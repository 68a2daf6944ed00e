"""The Elasticsearch client's node class for tests against osmem-server.

elasticsearch-py 8 sends `application/vnd.elasticsearch+json; compatible-with=8`, which the
in-memory OpenSearch-compatible server rejects; this node sends plain JSON instead. Only
the tests use it (portal.settings.test).
"""

from elastic_transport import Urllib3HttpNode


class PlainJSONNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
