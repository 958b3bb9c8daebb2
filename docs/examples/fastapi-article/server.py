"""The article's four endpoints, each spending one second in a different style.

Serve it with Debian's packages (python3-fastapi, python3-uvicorn):

    cd docs/examples/fastapi-article
    python3 -m uvicorn server:app --host 127.0.0.1 --port 8000

and measure it with the lab (docs/user-guide.md, "The article's FastAPI service, measured"):

    conlab-cli load http://127.0.0.1:8000/a http://127.0.0.1:8000/b \\
                    http://127.0.0.1:8000/c http://127.0.0.1:8000/d -n 100 -c 100 --timeout 200s

What each endpoint does to the one asyncio loop uvicorn runs, and what the lab predicts for 100
concurrent requests on 2 cores:
  /a  blocks the loop for 1 s: every request waits for all before it (100 s)
  /b  hands the sleep to the loop's default executor, min(32, cores + 4) threads (17 s on 2 cores)
  /c  awaits a timer: the waits overlap on the loop (1 s)
  /d  is a plain function: FastAPI runs it on AnyIO's 40 worker threads (3 s)
"""

import asyncio
import os
import time

from fastapi import FastAPI

app = FastAPI()

# The article's one second; WAIT_S=0.1 in the environment gives a ten-times-shorter replay.
WAIT_S = float(os.environ.get("WAIT_S", "1.0"))


@app.get("/a")
async def blocking_in_a_coroutine():
    time.sleep(WAIT_S)  # a blocking call inside async def: the loop can do nothing else
    return {"endpoint": "a"}


@app.get("/b")
async def offloaded_to_the_default_executor():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, time.sleep, WAIT_S)
    return {"endpoint": "b"}


@app.get("/c")
async def awaiting_a_timer():
    await asyncio.sleep(WAIT_S)
    return {"endpoint": "c"}


@app.get("/d")
def plain_function_on_the_thread_pool():
    time.sleep(WAIT_S)
    return {"endpoint": "d"}
