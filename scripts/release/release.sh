#!/usr/bin/env bash
# The release workflow's logic, kept out of YAML so that it runs, and is tested, on any machine with git.
#
#   release.sh notes TAG [CHANGELOG]    print CHANGELOG.md's "## [X.Y.Z]" section for TAG (v1.2.3 or 1.2.3)
#   release.sh version TAG [PACKAGE]    check that package.json's "version" is TAG's (without the v)
#   release.sh check TAG [REMOTE]       validate TAG, find it on REMOTE, print prerelease=true|false and
#                                       latest=true|false (true only for the highest release of all)
#   release.sh move-major TAG [REMOTE]  point the major tag vX at TAG's commit on REMOTE, if TAG should carry it
#
# TAG is strict semver with a v: vMAJOR.MINOR.PATCH, optionally -PRERELEASE (no build metadata).
# REMOTE is a git remote name or URL; default origin. REMOTE's tags are the truth, not the local ones.
#
# move-major moves vX only forward: to a release (not a prerelease) that is the highest vX.*.* on REMOTE and
# whose commit descends from where vX is now. A hotfix for an older line (v1.0.1 after v1.1.0), a prerelease
# or a re-run leaves vX where it is and exits 0, saying so. vX is a lightweight tag (see CHANGELOG.md, Versioning).
#
# Every failure is one line on stderr and exit 1 (2 for wrong usage).
set -euo pipefail

me=release.sh
fail() { printf '%s: %s\n' "$me" "$*" >&2; exit 1; }
usage() { printf '%s: %s (usage: %s notes TAG [CHANGELOG] | version TAG [PACKAGE] | check TAG [REMOTE] | move-major TAG [REMOTE])\n' "$me" "$*" "$me" >&2; exit 2; }
# The line of git's output that says what went wrong: the first "fatal:", "error:" or "! [rejected]" line, else
# the last one; without its leading blanks.
git_error() {
  local lines
  lines=$(printf '%s\n' "$1" | sed 's/^[[:space:]]*//;/^$/d')
  printf '%s\n' "$lines" | grep -m 1 -E '^(fatal:|error:|! )' || printf '%s\n' "$lines" | tail -n 1
}

num='(0|[1-9][0-9]*)'
pre_id='(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)'
semver_re="^v${num}\\.${num}\\.${num}(-${pre_id}(\\.${pre_id})*)?\$"
release_re="^v${num}\\.${num}\\.${num}\$"

# parse_tag TAG [AS_GIVEN]: sets major (e.g. v1), version (1.2.3 or 1.2.3-rc.1) and prerelease (true/false), or
# fails, naming TAG as the user gave it.
parse_tag() {
  local tag=$1
  [[ $tag =~ $semver_re ]] || fail "'${2-$tag}' is not a release tag: expected vMAJOR.MINOR.PATCH or vMAJOR.MINOR.PATCH-PRERELEASE, like v1.2.3 or v2.0.0-rc.1"
  major="v${BASH_REMATCH[1]}"
  version=${tag#v}
  if [[ -n ${BASH_REMATCH[4]} ]]; then prerelease=true; else prerelease=false; fi
}

# remote_tags REMOTE: fills tag_object (what each tag ref on REMOTE holds: a tag object for an annotated tag) and
# tag_commit (the commit it peels to), both keyed by tag name.
declare -A tag_object=() tag_commit=()
remote_tags() {
  local remote=$1 out id ref name
  out=$(git ls-remote --tags "$remote" 2>&1) || fail "could not list the tags of remote '$remote': $(git_error "$out")"
  while read -r id ref; do
    [[ $ref == refs/tags/* ]] || continue
    name=${ref#refs/tags/}
    if [[ $name == *'^{}' ]]; then tag_commit[${name%'^{}'}]=$id; else tag_object[$name]=$id; fi
  done <<< "$out"
  for name in "${!tag_object[@]}"; do
    [[ -n ${tag_commit[$name]-} ]] || tag_commit[$name]=${tag_object[$name]}
  done
}

# highest [MAJOR]: the highest release tag (no prerelease) on REMOTE, of major version MAJOR (like v1) if given;
# empty if none. Sets nothing.
highest() {
  local name best='' best_parts=() parts
  for name in "${!tag_object[@]}"; do
    [[ $name =~ $release_re ]] || continue
    [[ -z ${1-} || ${1#v} == "${BASH_REMATCH[1]}" ]] || continue
    parts=("${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}")
    if [[ -z $best ]] || ((parts[0] > best_parts[0] ||
      (parts[0] == best_parts[0] && (parts[1] > best_parts[1] || (parts[1] == best_parts[1] && parts[2] > best_parts[2]))))); then
      best=$name
      best_parts=("${parts[@]}")
    fi
  done
  printf '%s' "$best"
}

cmd_notes() {
  local tag=$1 changelog=${2:-CHANGELOG.md} out status
  [[ $tag == v* ]] || tag="v$tag"
  parse_tag "$tag" "$1"
  [[ -r $changelog ]] || fail "cannot read $changelog"
  # The lines after "## [VERSION]" (or "## [VERSION] - date") up to the next "## " or "# " heading or the link
  # references at the end, without the blank lines around them. Exit 3: no such heading; 4: nothing under it.
  set +e
  out=$(awk -v heading="## [$version]" '
    !found && (index($0, heading) == 1 && (length($0) == length(heading) || substr($0, length(heading) + 1, 1) == " ")) { found = 1; inside = 1; next }
    inside && (/^##? / || /^\[[^]]+\]: /) { inside = 0 }
    inside { lines[++n] = $0 }
    END {
      if (!found) exit 3
      first = 1; while (first <= n && lines[first] ~ /^[[:space:]]*$/) first++
      last = n; while (last >= first && lines[last] ~ /^[[:space:]]*$/) last--
      if (first > last) exit 4
      for (i = first; i <= last; i++) print lines[i]
    }' "$changelog")
  status=$?
  set -e
  case $status in
    0) printf '%s\n' "$out" ;;
    3) fail "$changelog has no '## [$version]' section: add the release notes under that heading, then tag again" ;;
    4) fail "$changelog's '## [$version]' section is empty: write the release notes under it, then tag again" ;;
    *) fail "could not read the '## [$version]' section of $changelog (awk exit $status)" ;;
  esac
}

# The release's package.json must say the tag's version: a release whose package says another is refused.
cmd_version() {
  local tag=$1 file=${2:-package.json} have
  [[ $tag == v* ]] || tag="v$tag"
  parse_tag "$tag" "$1"
  [[ -r $file ]] || fail "cannot read $file"
  have=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version ?? ""' "$file" 2>/dev/null) ||
    fail "$file is not JSON with a version"
  [[ $have == "$version" ]] ||
    fail "$file says version '${have}', but the tag is $tag: run npm version $version --no-git-tag-version, commit, and tag that commit"
  echo "$file says version $version, as the tag does."
}

cmd_check() {
  local tag=$1 remote=${2:-origin} top
  parse_tag "$tag"
  remote_tags "$remote"
  [[ -n ${tag_commit[$tag]-} ]] || fail "tag $tag is not on remote '$remote': push it first (git push $remote $tag)"
  top=$(highest)
  printf 'prerelease=%s\n' "$prerelease"
  if [[ $prerelease == false && $top == "$tag" ]]; then echo latest=true; else echo latest=false; fi
}

cmd_move_major() {
  local tag=$1 remote=${2:-origin} target top current current_object out status
  parse_tag "$tag"
  if [[ $prerelease == true ]]; then
    echo "$tag is a prerelease: $major stays where it is."
    return 0
  fi
  remote_tags "$remote"
  target=${tag_commit[$tag]-}
  [[ -n $target ]] || fail "tag $tag is not on remote '$remote': push it first (git push $remote $tag)"
  top=$(highest "$major")
  if [[ $top != "$tag" ]]; then
    echo "$tag is older than $top: $major stays where it is."
    return 0
  fi
  current=${tag_commit[$major]-}
  current_object=${tag_object[$major]-}
  if [[ $current == "$target" ]]; then
    echo "$major already points at $tag (${target:0:12})."
    return 0
  fi

  # The commits, to compare them; FETCH_HEAD only, so that no local ref changes.
  out=$(git fetch --quiet --no-tags "$remote" "refs/tags/$tag" ${current:+"refs/tags/$major"} 2>&1) ||
    fail "could not fetch $tag${current:+ and $major} from remote '$remote': $(git_error "$out")"
  if [[ -n $current ]]; then
    set +e
    git merge-base --is-ancestor "$current" "$target" 2> /dev/null
    status=$?
    set -e
    case $status in
      0) ;;
      1) fail "$major is at ${current:0:12}, which $tag (${target:0:12}) does not descend from: $major was left there (if $tag is right after all: git push --force $remote $target:refs/tags/$major)" ;;
      *) fail "could not compare $major (${current:0:12}) with $tag (${target:0:12}) (git merge-base exit $status)" ;;
    esac
  fi

  # A commit id as the source makes a lightweight tag. The lease refuses the push if vX moved since we looked.
  out=$(git push --quiet --force-with-lease="refs/tags/$major:$current_object" "$remote" "$target:refs/tags/$major" 2>&1) ||
    fail "could not push $major to remote '$remote': $(git_error "$out")"
  if [[ -n $current ]]; then
    echo "$major moved from ${current:0:12} to $tag (${target:0:12})."
  else
    echo "$major created at $tag (${target:0:12})."
  fi
}

[[ $# -ge 1 ]] || usage "no command given"
command=$1
shift
case $command in
  notes) [[ $# -ge 1 && $# -le 2 ]] || usage "notes takes TAG and optionally CHANGELOG"; cmd_notes "$@" ;;
  version) [[ $# -ge 1 && $# -le 2 ]] || usage "version takes TAG and optionally PACKAGE"; cmd_version "$@" ;;
  check) [[ $# -ge 1 && $# -le 2 ]] || usage "check takes TAG and optionally REMOTE"; cmd_check "$@" ;;
  move-major) [[ $# -ge 1 && $# -le 2 ]] || usage "move-major takes TAG and optionally REMOTE"; cmd_move_major "$@" ;;
  *) usage "unknown command '$command'" ;;
esac
