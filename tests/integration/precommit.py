#!/usr/bin/env python3
"""precommit.py HOOKS_YAML HOOK_ID REPO BIN [CODEGEN_BIN] - run one hook as pre-commit does.

Reads the hook from .pre-commit-hooks.yaml, lists the files staged in the git
repository REPO (`git diff --cached --name-only --diff-filter=ACMRTUXB`, as pre-commit lists them), keeps those its `files`
regex matches (re.search, as pre-commit does), and runs its `entry` (the
first word replaced by BIN) with its args and, unless pass_filenames is
false, the files. Prints the command and its output; exits with its status.
"""
import re
import shlex
import subprocess
import sys

import yaml

hooks_path, hook_id, repo, binary = sys.argv[1:5]
extra = sys.argv[5:]
hooks = {h['id']: h for h in yaml.safe_load(open(hooks_path))}
hook = hooks[hook_id]
staged = subprocess.run(['git', 'diff', '--cached', '--name-only', '--diff-filter=ACMRTUXB', '-z'], cwd=repo,
                        check=True, capture_output=True, text=True).stdout.split('\0')
files = [f for f in staged if f and re.search(hook.get('files', ''), f)]
entry = shlex.split(hook['entry'])
cmd = [binary] + entry[1:] + hook.get('args', []) + extra
if hook.get('pass_filenames', True):
    cmd += files
print('$', ' '.join(shlex.quote(c) for c in cmd), flush=True)
sys.exit(subprocess.run(cmd, cwd=repo).returncode)
