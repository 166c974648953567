#!/usr/bin/env python3
"""Share of a thread's JFR execution samples spent under given methods (inclusive), with their callees.

    bench/scripts/jfr-share.py RECORDING.jfr THREAD_SUBSTRING METHOD [METHOD...]

For a recording of the bench's pipeline (`./newsline bench --app-jvm-options
"-XX:StartFlightRecording=filename=F.jfr,settings=profile"`), e.g.:

    bench/scripts/jfr-share.py F.jfr StreamThread-1 \
        io.newsline.streams.story.StoryAssigner.process io.newsline.streams.story.StoryKeeperProcessor.recheck

METHOD is a class name with '.' and the method name. Uses `jfr` from the PATH (or $JFR).
"""
import collections
import json
import os
import re
import subprocess
import sys

recording, thread, methods = sys.argv[1], sys.argv[2], sys.argv[3:]
printed = subprocess.run(
    [os.environ.get('JFR', 'jfr'), 'print', '--json', '--stack-depth', '128', '--events', 'jdk.ExecutionSample',
     recording], capture_output=True, text=True, check=True).stdout
samples = []
for event in json.loads(printed)['recording']['events']:
    values = event['values']
    if thread not in (values['sampledThread']['javaName'] or ''):
        continue
    frames = values['stackTrace']['frames'] if values['stackTrace'] else []
    samples.append([re.sub(r'\$\$Lambda.*', '$$Lambda', (f['method']['type']['name'] + '.' + f['method']['name'])
                           .replace('/', '.')) for f in frames])
print(f'{len(samples)} samples of threads named *{thread}*')
for method in methods:
    callees = collections.Counter()
    for frames in samples:
        if method in frames:
            at = frames.index(method)
            callees[frames[at - 1] if at > 0 else '(self)'] += 1
    under = sum(callees.values())
    print(f'\n{under:6d} {100 * under / max(1, len(samples)):5.1f} %  {method}')
    for callee, count in callees.most_common(8):
        print(f'{count:6d} {100 * count / max(1, len(samples)):5.1f} %    {callee}')
