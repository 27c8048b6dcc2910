#!/usr/bin/env bash
# Writes the demo's sample registry for one month, deterministically (the same files every run):
#   sample-data/montpellier/   350 households, 100 € per person (per_person)
#   sample-data/nantes-ouest/  120 households, 100 € + 50 € per extra person (first_plus_extra)
# Each folder has households.csv, members.csv, contributions.csv, funders.csv and receipts.csv
# (formats: docs/registry.md). Receipts hold the month's contributions plus grants that cover the
# month's allocations with a margin, so that the cycle can be funded. Names, emails and IBANs are
# made up; the IBANs have valid check digits so that the import accepts them.
#
#   examples/demo/generate-data.sh [MONTH]      MONTH defaults to 2026-11
set -euo pipefail
cd "$(dirname "$0")"
month=${1:-2026-11}
[[ $month =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]] || { echo "usage: $0 [YYYY-MM]" >&2; exit 2; }

first_names=(Amina Bruno Chloé David Élise Farid Gaëlle Hugo Inès Jules Karima Léo Manon Nadia
             Omar Pauline Quentin Rania Samuel Thi Ulysse Valérie Wassim Yasmine Zoé)
last_names=(Martin Bernard Diallo Nguyen Moreau Benali Lefèvre Garcia Roux Fontaine Traoré
            Mercier Haddad Lambert Bonnet Petit Durand Kone Girard Faure)
joined=(association association ccas self social_service lottery)
methods=(card sepa_debit sepa_debit transfer cash)

# ISO 13616 check digits for a French IBAN (FR + 2 check digits + 23-character BBAN), computed
# 9 digits at a time so bash's 64-bit arithmetic never overflows.
iban_fr() {
  local bban=$1 digits rest="" chunk i
  digits="${bban}152700"  # BBAN + "FR" as 15 27 + "00"
  for ((i = 0; i < ${#digits}; i += 7)); do
    chunk="${rest}${digits:i:7}"
    rest=$((10#$chunk % 97))
  done
  printf 'FR%02d%s' $((98 - rest)) "$bban"
}

# generate CAISSE COUNT KIND: KIND is per_person or first_plus_extra (minor units of the
# allocation, at parity 1 with the euro).
generate() {
  local caisse=$1 count=$2 kind=$3 dir="sample-data/$1"
  mkdir -p "$dir"
  RANDOM=$((${#caisse} * 7919 + count))  # a fixed seed per caisse: the same data every run
  local h id adults children persons joined_on amount allocation total_alloc=0 total_contrib=0
  printf 'household_id,adults,children,joined_via,joined_on,left_on\n' >"$dir/households.csv"
  printf 'member_id,household_id,name,email,iban\n' >"$dir/members.csv"
  printf 'household_id,amount,method,lock_in_months,from\n' >"$dir/contributions.csv"
  printf 'reference,date,source,household_id,funder_id,amount\n' >"$dir/receipts.csv"
  for ((h = 1; h <= count; h++)); do
    printf -v id 'H-%04d' "$h"
    adults=$((1 + RANDOM % 2))
    children=$((RANDOM % 4 == 0 ? 0 : RANDOM % 4))
    persons=$((adults + children))
    printf -v joined_on '2025-%02d-%02d' $((1 + RANDOM % 12)) $((1 + RANDOM % 28))
    printf '%s,%d,%d,%s,%s,\n' "$id" "$adults" "$children" "${joined[RANDOM % ${#joined[@]}]}" \
      "$joined_on" >>"$dir/households.csv"

    local first=${first_names[RANDOM % ${#first_names[@]}]} last=${last_names[RANDOM % ${#last_names[@]}]}
    local bban iban=""
    printf -v bban '%05d%05d%011d%02d' $((10000 + RANDOM % 9000)) $((RANDOM % 100000)) \
      $((RANDOM * 32768 + RANDOM)) $((RANDOM % 100))
    if ((RANDOM % 5 != 0)); then iban=$(iban_fr "$bban"); fi
    printf 'M-%04d,%s,%s %s,%s,%s\n' "$h" "$id" "$first" "$last" \
      "$(printf '%s.%s' "$first" "$h" | iconv -f utf-8 -t ascii//TRANSLIT | tr 'A-Z' 'a-z')@example.org" \
      "$iban" >>"$dir/members.csv"

    # Pay what you can: 1 € to 120 €, in whole euros; the lock-in is three months.
    amount=$((1 + (RANDOM % 120)))
    printf '%s,%d.00,%s,3,2025-01\n' "$id" "$amount" "${methods[RANDOM % ${#methods[@]}]}" \
      >>"$dir/contributions.csv"
    printf 'C-%s-%s,%s-05,contribution,%s,,%d.00\n' "$month" "$id" "$month" "$id" "$amount" \
      >>"$dir/receipts.csv"
    total_contrib=$((total_contrib + amount * 100))

    if [ "$kind" = per_person ]; then
      allocation=$((10000 * persons))
    else
      allocation=$((10000 + 5000 * (persons - 1)))
    fi
    total_alloc=$((total_alloc + allocation))
  done

  # Grants cover what contributions do not, plus 5 %; one funder pays for operations only.
  local missing=$((total_alloc - total_contrib))
  local grant=$(((missing + missing / 20 + 99) / 100))
  local public=$((grant * 6 / 10)) foundation=$((grant - grant * 6 / 10))
  printf 'funder_id,name,kind,earmark,pledged_amount,note\n' >"$dir/funders.csv"
  printf 'metropole,Métropole (démo),public,allocations,%d.00,convention annuelle\n' \
    $((public * 12)) >>"$dir/funders.csv"
  printf 'fondation,Fondation (démo),foundation,allocations,%d.00,\n' \
    $((foundation * 12)) >>"$dir/funders.csv"
  printf 'region,Région (démo),public,operations,24000.00,postes salariés\n' >>"$dir/funders.csv"
  printf 'G-%s-metropole,%s-02,grant,,metropole,%d.00\n' "$month" "$month" "$public" \
    >>"$dir/receipts.csv"
  printf 'G-%s-fondation,%s-03,grant,,fondation,%d.00\n' "$month" "$month" "$foundation" \
    >>"$dir/receipts.csv"
  printf 'G-%s-region,%s-03,grant,,region,2000.00\n' "$month" "$month" >>"$dir/receipts.csv"
  echo "$dir: $count households, allocations $((total_alloc / 100)).00, contributions" \
    "$((total_contrib / 100)).00, grants $grant.00 (+ 2000.00 for operations)"
}

generate montpellier 350 per_person
generate nantes-ouest 120 first_plus_extra
