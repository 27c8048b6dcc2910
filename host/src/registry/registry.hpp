// The registry of a caisse: households, members, contribution commitments, funders, receipts
// and merchants, imported from and exported to CSV (docs/registry.md). One include for all of it.
#pragma once

#include "registry/export.hpp"
#include "registry/funders.hpp"
#include "registry/household_source.hpp"
#include "registry/iban.hpp"
#include "registry/import.hpp"
#include "registry/merchants.hpp"
