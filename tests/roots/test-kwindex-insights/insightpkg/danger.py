"""Security-sensitive calls, each reached through several import forms.
Read with ``ast`` only: nothing here is run by any test, and it imports PyYAML and requests.
"""

import hashlib
import marshal
import os
import pickle
import random
import random as rnd
import secrets
import ssl
import subprocess
import subprocess as sp
import tempfile
import xml.dom.pulldom
import xml.etree.ElementTree as ET
from hashlib import md5 as _md5
from marshal import loads as marshal_loads
from pickle import Unpickler
from random import choice as pick
from subprocess import check_output, getoutput
from xml.dom import minidom
from xml.sax import make_parser

import requests
import yaml
import yaml as y
from requests import get as fetch
from yaml import CSafeLoader, FullLoader


def evaluate(expr):
    """Builtin eval."""
    return eval(expr)  # +eval


def execute(code, scope):
    """Builtin exec."""
    exec(code, scope)  # +exec


def compile_source(src):
    """Builtin compile, then exec of the code object."""
    code = compile(src, "<src>", "exec")  # +compile
    exec(code)  # +exec
    return code


def run_compiled(compile, src):
    """near-miss: ``compile`` is this function's parameter, not the builtin (not compile)."""
    return compile(src)


def load_blob(data, stream):
    """Unpickling and unmarshalling."""
    obj = pickle.loads(data)  # +pickle
    other = pickle.load(stream)  # +pickle
    third = Unpickler(stream).load()  # +pickle (the class call, not its .load method)
    code = marshal.loads(data)  # +marshal
    more = marshal_loads(data)  # +marshal (alias)
    again = marshal.load(stream)  # +marshal
    return obj, other, third, code, more, again


def dump_blob(obj):
    """near-miss: dumping is harmless (not pickle, not marshal)."""
    return pickle.dumps(obj), marshal.dumps(obj)


def read_config(text, stream):
    """YAML loading, safe and unsafe."""
    a = yaml.load(text)  # +yaml-load (no Loader)
    b = yaml.load(text, Loader=yaml.Loader)  # +yaml-load (unsafe Loader)
    c = y.load(stream, FullLoader)  # +yaml-load (positional, not a safe loader)
    d = yaml.unsafe_load(text)  # +yaml-load
    e = yaml.load(text, Loader=yaml.SafeLoader)  # near-miss: SafeLoader (not yaml-load)
    f = y.load(text, CSafeLoader)  # near-miss: positional CSafeLoader (not yaml-load)
    g = yaml.safe_load(text)  # near-miss: safe_load (not yaml-load)
    return a, b, c, d, e, f, g


def run_commands(cmd, flag):
    """Shell commands; every line naming the subprocess module is a subprocess pattern."""
    subprocess.run(cmd, shell=True, check=True)  # +shell +subprocess
    sp.Popen(cmd, shell=True, stdout=sp.PIPE)  # +shell +subprocess
    check_output(cmd, shell=True)  # +shell +subprocess (imported name)
    out = getoutput(cmd)  # +shell +subprocess (getoutput always)
    status, text = subprocess.getstatusoutput(cmd)  # +shell +subprocess
    subprocess.run(["ls", "-l"], shell=False)  # +subprocess (near-miss for shell)
    subprocess.call(cmd, shell=flag)  # +subprocess (near-miss for shell: not literally True)
    subprocess.check_call(["true"])  # +subprocess (near-miss for shell: no shell keyword)
    result = subprocess.check_call(  # +shell +subprocess (reported at the call's first line)
        cmd,
        shell=True,
    )
    return out, status, text, result


def timeout_error():
    """A subprocess reference that is not a call."""
    return subprocess.TimeoutExpired  # +subprocess


def os_calls(cmd):
    """os.system and os.popen."""
    os.system(cmd)  # +os-system
    with os.popen(cmd) as pipe:  # +os-popen
        text = pipe.read()
    os.path.join("a", "b")  # near-miss: os.path.join (no finding)
    return text


def temp_names():
    """Insecure temporary file name."""
    name = tempfile.mktemp(suffix=".txt")  # +mktemp
    handle, path = tempfile.mkstemp()  # near-miss: mkstemp is safe (not mktemp)
    return name, handle, path


def digests(data):
    """Weak and strong hashes."""
    a = hashlib.md5(data).hexdigest()  # +weak-hash
    b = hashlib.sha1(data)  # +weak-hash
    c = hashlib.new("md5", data)  # +weak-hash
    d = hashlib.new("sha1")  # +weak-hash
    e = _md5(data)  # +weak-hash (alias)
    f = hashlib.md5(data, usedforsecurity=False)  # near-miss: not for security (no finding)
    g = hashlib.new("sha1", usedforsecurity=False)  # near-miss: not for security
    h = hashlib.sha256(data)  # near-miss: strong hash (no finding)
    i = hashlib.new("sha256")  # near-miss: strong hash (no finding)
    return a, b, c, d, e, f, g, h, i


class Session:
    """Holds a session key."""

    def rotate(self):
        """Attribute whose name matches the pattern."""
        self.session_key = random.getrandbits(128)  # +random-token


def build_credentials(alphabet, words):
    """Random values assigned to names that look secret (the function name does not)."""
    token = "".join(random.choice(alphabet) for _ in range(16))  # +random-token
    api_secret = pick(words)  # +random-token (alias of random.choice)
    reset_password = f"{rnd.randrange(10**6):06d}"  # +random-token (module alias)
    csrf = random.randbytes(16).hex()  # +random-token
    nonce = random.random() * 1e6  # +random-token
    safe_token = secrets.token_hex(16)  # near-miss: secrets, not random (no finding)
    rng = random.Random(7)  # near-miss: random.Random is not in the list
    otp_code = rng.randint(0, 999999)  # near-miss: rng is an instance, not the module
    colour = random.choice(["red", "blue"])  # near-miss: name does not match
    return token, api_secret, reset_password, csrf, nonce, safe_token, otp_code, colour


def new_salt():
    """Returned from a function whose name matches."""
    return random.randbytes(16)  # +random-token


def shuffled(items):
    """near-miss: a shuffle for display, returned from a non-matching function."""
    return random.sample(items, len(items))


def tls_contexts():
    """Unverified TLS in the three recognised spellings."""
    ctx = ssl._create_unverified_context()  # +ssl-unverified
    other = ssl.create_default_context()  # near-miss: default context (no finding)
    other.check_hostname = False  # +ssl-unverified
    other.verify_mode = ssl.CERT_NONE  # +ssl-unverified
    strict = ssl.create_default_context()
    strict.check_hostname = True  # near-miss: True (no finding)
    strict.verify_mode = ssl.CERT_REQUIRED  # near-miss: CERT_REQUIRED (no finding)
    return ctx, other, strict


def http_calls(url, data):
    """Requests with and without certificate verification."""
    a = requests.get(url, verify=False)  # +requests-unverified
    b = requests.post(url, data=data, verify=False)  # +requests-unverified
    c = requests.request("DELETE", url, verify=False)  # +requests-unverified
    d = fetch(url, verify=False)  # +requests-unverified (alias of requests.get)
    e = requests.get(url, verify=True)  # near-miss: verified (no finding)
    f = requests.put(url, verify="/etc/ssl/ca.pem")  # near-miss: a CA bundle (no finding)
    g = requests.head(url, timeout=5)  # near-miss: default verification (no finding)
    return a, b, c, d, e, f, g


def parse_xml(text, stream):
    """XML parsers that resolve entities."""
    root = ET.fromstring(text)  # +xml
    tree = ET.parse(stream)  # +xml
    events = ET.iterparse(stream)  # +xml
    parser = ET.XMLParser()  # +xml
    doc = minidom.parseString(text)  # +xml
    sax_parser = make_parser()  # +xml
    pull = xml.dom.pulldom.parseString(text)  # +xml
    out = ET.tostring(root)  # near-miss: serialising is harmless (no finding)
    node = ET.Element("a")  # near-miss: building an element (no finding)
    return tree, events, parser, doc, sax_parser, pull, out, node
