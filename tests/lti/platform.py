"""An LTI 1.3 platform for the tests, built on the independent `lti1p3platform` package and served over HTTP.

It signs real id_tokens with its own RSA key, publishes its JWKS, answers the
OIDC authorisation request, issues access tokens (checking the tool's signed
client assertion against the tool's JWKS, fetched over HTTP), and serves
Assignment and Grade Services (line items, scores) and Names and Role
Provisioning Services. It also takes deep-linking responses, checks their
signature, and creates the line items they ask for, as an LMS does.
"""

from __future__ import annotations

import itertools
from html import escape
import json
import threading
import typing as t
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.membership import Context
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request as PlatformRequest
from lti1p3platform.request import TRequest
from lti1p3platform.score import UpdateScoreStatus
from lti1p3platform.service_connector import AssignmentsGradesService, NamesRoleProvisioningService
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def rsa_pair() -> tuple[str, str]:
    """Return a new RSA key pair as (private PEM, public PEM)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return private, public


class Server:
    """A WSGI app served on 127.0.0.1 in a thread."""

    def __init__(self, app) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


class WerkzeugRequest(PlatformRequest):
    """lti1p3platform's request over a Werkzeug request."""

    def build_metadata(self, request: Request) -> TRequest:
        return {"method": request.method, "form_data": request.form.to_dict(), "get_data": request.args.to_dict(),
                "headers": request.headers, "content_type": request.content_type, "path": request.path,
                "json": request.get_json(silent=True)}


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs: t.Any) -> None:
        self.registration_template: Registration = kwargs["registration"]

    def get_registration_by_params(self, **kwargs: t.Any) -> Registration:
        return self.registration_template


@dataclass
class NextLaunch:
    """What the platform puts in the next launch it signs (the test sets it before each launch)."""

    sub: str = "learner-1"
    roles: list[str] = field(default_factory=lambda: [LEARNER])
    name: str | None = "Lina Learner"
    email: str | None = "lina@example.org"
    resource_link_id: str | None = None
    custom: dict | None = None
    deep_link: bool = False
    ags_lineitem: str | None = None
    nrps: bool = True
    deployment_id: str | None = None


class Launch(LTIAdvantageMessageLaunchAbstract):
    """A platform launch whose claims come from the platform's NextLaunch."""

    platform: "Platform"

    def prepare_launch(self, preflight_response: dict) -> None:
        plan = self.platform.next_launch
        self.set_user_data(plan.sub, plan.roles, full_name=plan.name, email_address=plan.email)
        self.set_launch_context_claim("course-1", context_title="Course One")
        if plan.resource_link_id:
            self.set_resource_link_claim(plan.resource_link_id, title="Quiz activity")
        if plan.custom:
            self.set_custom_parameters_claim(plan.custom)
        if plan.deep_link:
            self.set_dl(f"{self.platform.url}/deep_link_return", title="Pick", accept_types={"ltiResourceLink"},
                        extra_data={"opaque": "kept"})
        else:
            self.set_ags(f"{self.platform.url}/lineitems", plan.ags_lineitem)
        if plan.nrps:
            self.set_nrps(f"{self.platform.url}/memberships")

    def render_launch_form(self, launch_data: dict, **kwargs: t.Any) -> dict:
        return launch_data


class Grades(AssignmentsGradesService):
    """AGS over the platform's in-memory line items and scores."""

    platform: "Platform"

    def find_lineitems(self, page=1, limit=None, line_item_id=None, resource_link_id=None, resource_id=None,
                       tag=None):
        items = list(self.platform.lineitems.values())
        if resource_id:
            items = [item for item in items if item.get("resourceId") == resource_id]
        return {"content": items, "has_next": False, "next": None}

    def find_lineitem(self, line_item_id):
        return self.platform.lineitems[line_item_id]

    def create_lineitem(self, creation_data):
        return self.platform.create_lineitem(dict(creation_data))

    def update_lineitem(self, update_data):
        self.platform.lineitems[update_data["id"]].update(update_data)
        return self.platform.lineitems[update_data["id"]]

    def delete_lineitem(self, line_item_id):
        self.platform.lineitems.pop(line_item_id, None)

    def update_score(self, line_item_id, score):
        self.platform.scores.setdefault(line_item_id, []).append(dict(score))
        return UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        return {"content": [], "has_next": False, "next": None}


class Roster(NamesRoleProvisioningService):
    """NRPS over the platform's member list."""

    platform: "Platform"

    def get_member_data_page(self, page=1, limit=None, role=None, since=None):
        return {"content": [dict(member) for member in self.platform.members], "has_next": False, "next": None}

    def get_context_by_id(self) -> Context:
        return Context(id="course-1", label="C1", title="Course One")


class Platform:
    """The test LMS: its keys, registration of the tool, launches, and services over HTTP."""

    def __init__(self, tool_url: str, client_id: str = "quizapp-client", deployment_id: str = "deployment-1") -> None:
        self.private_key, self.public_key = rsa_pair()
        self.server = Server(self.wsgi)
        self.url = self.server.url
        self.issuer = self.url
        self.client_id, self.deployment_id = client_id, deployment_id
        self.tool_url = tool_url
        self.next_launch = NextLaunch()
        self.lineitems: dict[str, dict] = {}
        self.scores: dict[str, list[dict]] = {}
        self.content_items: list[dict] = []
        self.members: list[dict] = []
        self.down = False  # when set, the services answer 503, as a platform under maintenance
        self.html_forms = False  # when set, /auth answers as an LMS does for a browser: a form that posts itself
        self.counter = itertools.count(1)

    def stop(self) -> None:
        self.server.stop()

    def registration(self, deployment_id: str | None = None) -> Registration:
        return (Registration().set_iss(self.issuer).set_client_id(self.client_id)
                .set_deployment_id(deployment_id or self.deployment_id)
                .set_oidc_login_url("http://localhost/lti/login").set_launch_url("http://localhost/lti/launch")
                .set_deeplink_launch_url("http://localhost/lti/launch")
                .set_platform_public_key(self.public_key).set_platform_private_key(self.private_key)
                .set_tool_key_set_url(f"{self.tool_url}/lti/jwks.json"))

    def conf(self) -> PlatformConf:
        return PlatformConf(registration=self.registration(self.next_launch.deployment_id))

    def login_url(self, hint: str = "launch") -> str:
        """Return the tool's login initiation URL the platform sends a browser to (third-party initiated login)."""
        platform = self

        class Login(OIDCLoginAbstract):
            def set_lti_message_hint(self, **kwargs):
                self._lti_message_hint = kwargs["hint"]

            def get_redirect(self, url):
                return url

        login = Login(None, platform.conf())
        login.set_lti_message_hint(hint=hint)
        return login.initiate_login(self.next_launch.sub)

    def create_lineitem(self, data: dict) -> dict:
        item_id = f"{self.url}/lineitems/{next(self.counter)}"
        data["id"] = item_id
        self.lineitems[item_id] = data
        return data

    def scores_for(self, item_id: str, sub: str) -> list[dict]:
        return [score for score in self.scores.get(item_id, []) if score.get("userId") == sub]

    def _auto_post(self, data: dict) -> Response:
        fields = "".join(f'<input type="hidden" name="{name}" value="{escape(data[name])}">'
                         for name in ("id_token", "state"))
        return Response(f'<!doctype html><title>LMS</title><form id="f" method="post" action="{escape(data["launch_url"])}">'
                        f'{fields}</form><script>document.getElementById("f").submit()</script>',
                        content_type="text/html")

    def _json(self, result: t.Any, status: int = 200, media_type: str = "application/json") -> Response:
        return Response(json.dumps(result), status=status, content_type=media_type)

    def _service_response(self, response) -> Response:
        return self._json(response.result if response.result is not None else {"message": response.message},
                          response.code, response.media_type)

    def wsgi(self, environ, start_response):
        request = Request(environ)
        return self.route(request)(environ, start_response)

    def route(self, request: Request) -> Response:
        path = request.path
        if path == "/jwks":
            return self._json({"keys": self.registration().get_jwks()})
        if path == "/auth":
            launch = Launch(WerkzeugRequest(request), self.conf())
            launch.platform = self
            data = launch.lti_launch()
            if self.html_forms:
                return self._auto_post(data)
            return self._json(data)
        if self.down:
            return Response("down for maintenance", status=503)
        if path == "/token":
            conf = self.conf()
            conf.get_registration()
            return self._json(conf.get_access_token(request.form.to_dict()))
        if path == "/deep_link_return":
            conf = self.conf()
            conf.get_registration()
            items = conf.validate_deeplinking_resp(request.form.to_dict())
            for item in items:
                if item.get("lineItem"):
                    item["created_lineitem"] = self.create_lineitem(dict(item["lineItem"]))["id"]
            self.content_items.extend(items)
            if self.html_forms:
                return Response(f"<!doctype html><title>LMS</title><h1>Received {len(items)} item(s)</h1>",
                                content_type="text/html")
            return self._json({"received": len(items)})
        if path == "/memberships":
            service = Roster(WerkzeugRequest(request), self._registered(), f"{self.url}/memberships")
            service.platform = self
            return self._service_response(service.handle_get_members())
        if path.startswith("/lineitems"):
            return self._ags(request)
        return Response("not found", status=404)

    def _registered(self) -> PlatformConf:
        conf = self.conf()
        conf.get_registration()
        return conf

    def _ags(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        item_id = f"{self.url}/lineitems/{parts[1]}" if len(parts) > 1 else None
        service = Grades(WerkzeugRequest(request), self._registered(), f"{self.url}/lineitems", item_id)
        service.platform = self
        if item_id is None:
            handler = service.handle_get_lineitems if request.method == "GET" else service.handle_create_lineitem
            return self._service_response(handler())
        if item_id not in self.lineitems:
            return Response("no such line item", status=404)
        if len(parts) == 3 and parts[2] == "scores":
            return self._service_response(service.handle_update_score(item_id))
        return self._service_response(service.handle_get_lineitem(item_id))
