import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
# Tests lint the same temporary file names with different rules and plugins in one
# process; the result cache (reportlint/cache.py) stays off unless a test turns it on.
os.environ.setdefault("REPORTLINT_NO_CACHE", "1")
# The grammar tables and compiled patterns kept between runs (reportlint/parse.py,
# reportlint/rx.py) go to a folder of this test session, not the user's ~/.cache.
if "REPORTLINT_TEST_KEEP_CACHE_HOME" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="reportlint-test-cache-")
    atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=100_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
