"""Course content as data (``data/*.toml``): programme, rounds, grids, and their readers."""
