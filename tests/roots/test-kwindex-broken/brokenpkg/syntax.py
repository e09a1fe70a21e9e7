X = 1

def broken(:
    pass
