"""A module with form feeds, which cut viewcode's lines but not Python's."""


def first():
    """Documented."""


def after_feed():
    pass


VALUE = 1  # a comment  with a feed inside


class Later:
    def method(self):
        return VALUE
