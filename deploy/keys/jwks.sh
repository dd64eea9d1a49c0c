#!/usr/bin/env bash
# Prints the JWKS the services verify the gateway's credential with (KAM_KEYS_INTERNAL_PUBLIC),
# from the gateway's RSA keys as PEM files (private or public), each under its kid: the RFC 7638
# thumbprint, exactly as the gateway names the key it signs with. Needs only openssl.
#   deploy/keys/jwks.sh internal-private.pem [next-private.pem ...] > internal-jwks.json
# During a rotation list the old and the new key; see deploy/OPERATIONS.md, "Rotating the
# gateway's key".
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 key.pem [key.pem ...]" >&2; exit 2; }

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
hex2bin() { local h=$1; [ $(( ${#h} % 2 )) -eq 0 ] || h="0$h"; printf '%b' "$(printf '%s' "$h" | sed 's/../\\x&/g')"; }

keys=()
for pem in "$@"; do
  if grep -q "PUBLIC KEY" "$pem"; then
    public=$(openssl pkey -pubin -in "$pem" -pubout)
  else
    public=$(openssl pkey -in "$pem" -pubout)
  fi
  modulus=$(printf '%s\n' "$public" | openssl rsa -pubin -noout -modulus | sed 's/^Modulus=//')
  exponent=$(printf '%s\n' "$public" | openssl rsa -pubin -noout -text | sed -n 's/^Exponent: \([0-9]*\).*/\1/p')
  n=$(hex2bin "$modulus" | b64url)
  e=$(hex2bin "$(printf '%x' "$exponent")" | b64url)
  # RFC 7638: the required members in lexicographic order, no whitespace.
  kid=$(printf '{"e":"%s","kty":"RSA","n":"%s"}' "$e" "$n" | openssl dgst -sha256 -binary | b64url)
  keys+=("$(printf '{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}' "$kid" "$n" "$e")")
done
( IFS=,; printf '{"keys":[%s]}\n' "${keys[*]}" )
