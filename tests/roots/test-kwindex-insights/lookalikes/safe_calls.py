"""Calls that resemble dangerous ones but are safe by the rules."""

import ast
import hashlib
import json
import marshal
import os
import pickle
import platform
import random
import ssl
import tempfile
import xml.etree.ElementTree as ET
from json import loads
from platform import system

import requests
import yaml

COLOURS = ["red", "green", "blue"]


def load_config(text, stream):
    """Safe YAML loading."""
    a = yaml.load(text, Loader=yaml.SafeLoader)
    b = yaml.safe_load(stream)
    c = yaml.load(text, yaml.CSafeLoader)
    d = yaml.load(text, Loader=yaml.CSafeLoader)
    return a, b, c, d


def digests(data):
    """Strong hashes, and weak ones explicitly not used for security."""
    a = hashlib.sha256(data).hexdigest()
    b = hashlib.md5(data, usedforsecurity=False)
    c = hashlib.sha1(data, usedforsecurity=False)
    d = hashlib.new("sha256", data)
    e = hashlib.new("md5", data, usedforsecurity=False)
    return a, b, c, d, e


def shuffle_for_display(items):
    """Randomness for presentation only: no name looks secret."""
    display = list(items)
    random.shuffle(display)
    featured = random.sample(display, 2)
    ordered = sorted(display, key=lambda _: random.random())
    return display, featured, ordered


def pick_colour():
    """Returned from a function whose name does not look secret."""
    return random.choice(COLOURS)


def fetch(url):
    """Verified HTTPS."""
    return requests.get(url, verify=True)


def fetch_via(client, url):
    """``client`` is a parameter, not the requests module."""
    return client.get(url, verify=False)


def make_context(check_hostname=True):
    """A default TLS context; check_hostname is set from a variable."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = check_hostname
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def lenient_context():
    """A keyword argument named check_hostname is not an attribute assignment."""
    return make_context(check_hostname=False)


def serialise(obj, text):
    """Dumping and JSON loading."""
    return pickle.dumps(obj), marshal.dumps(1), json.loads(text), loads(text)


def temporary():
    """Safe temporary files."""
    handle, path = tempfile.mkstemp()
    return handle, path, tempfile.TemporaryDirectory()


def which_os():
    """platform.system is not os.system."""
    return platform.system(), system(), os.path.join("a", "b"), os.getcwd()


def parse_source(source):
    """ast.parse is not an XML parser; building XML is harmless."""
    tree = ast.parse(source)
    return tree, ET.tostring(ET.Element("a"))
