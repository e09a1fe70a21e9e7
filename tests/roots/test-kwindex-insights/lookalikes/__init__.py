"""Look-alikes only: no module of this package may yield any finding.
This docstring mentions pickle.loads, eval(), exec(), subprocess.run(shell=True),
os.system, yaml.load and hashlib.md5, none of which is code.
"""

# A comment is not code either: eval(x); pickle.loads(b); os.popen("ls")
__all__ = ["names", "safe_calls", "shapes", "texts"]
