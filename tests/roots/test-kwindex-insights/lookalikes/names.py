"""Names that shadow builtins and modules: none of them is the real thing."""

import ast
import re


def eval(expr):
    """A module-level ``eval`` that only reads literals."""
    return ast.literal_eval(expr)


exec = print  # a module-level assignment shadows the builtin exec

subprocess = "echo hello"  # a variable named subprocess; the module is never imported


class Model:
    """Has ``eval``/``compile`` methods, like a machine-learning model."""

    def eval(self):
        return self

    def compile(self, source):
        return source


def evaluate(model, text):
    """Method calls and the shadowed module-level eval."""
    model.eval()
    model.compile(text)
    return eval(text)


def announce(text):
    """``exec`` is print here."""
    exec(text)


def build(compile, source):
    """``compile`` is a parameter here."""
    return compile(source)


NUMBER = re.compile(r"\d+")


def command_line():
    """Uses the string variable named subprocess."""
    return subprocess.upper()
