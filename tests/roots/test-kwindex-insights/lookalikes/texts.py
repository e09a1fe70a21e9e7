"""Strings and comments that mention dangerous calls."""

# subprocess.run("rm -rf /", shell=True)  -- commented out, not code
# import pickle; pickle.loads(data)

HELP = "Never call eval(), exec(), pickle.loads() or os.system() on user input."
WARNING = "yaml.load(stream) without Loader, tempfile.mktemp() and ssl.CERT_NONE are unsafe."
CATEGORIES = ("DeprecationWarning", "FutureWarning", "threading.Thread", "logging")
SNIPPET = """
import subprocess
subprocess.check_output("ls", shell=True)
"""


def usage():
    """Explain that requests.get(url, verify=False) and hashlib.md5() are discouraged."""
    return HELP + WARNING + SNIPPET
