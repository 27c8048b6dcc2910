-- Purchase bonuses (docs/bonus.md): the committee flags the merchants whose purchases earn a
-- bonus (UpCoop's "achats bonifiés", Vital'im's sustainable products), and the bonus of a month
-- is paid by a cycle of kind 'bonus', the allocation cycle's machinery reused whole: the same
-- states, four-eyes approval, outbox lines with deterministic operation ids, janitor and ledger.
--
-- Existing cycles are allocations: the new `kind` columns default to 'allocation', so every row
-- already stored keeps its meaning and its operation ids (alloc/...).

ALTER TABLE registry_merchants ADD COLUMN bonus boolean NOT NULL DEFAULT false;

ALTER TABLE cycles ADD COLUMN kind text NOT NULL DEFAULT 'allocation'
    CHECK (kind IN ('allocation', 'bonus'));
-- When a bonus cycle's lines must all be paid: [bonus] pay_within_days after its month ended,
-- fixed when it is computed so a later change of the setting never moves a past due date.
-- NULL for allocations.
ALTER TABLE cycles ADD COLUMN due_on date;
ALTER TABLE cycles ADD CHECK (kind = 'bonus' OR due_on IS NULL);

ALTER TABLE cycle_lines ADD COLUMN kind text NOT NULL DEFAULT 'allocation';

-- One cycle per caisse, kind and month; the lines follow.
ALTER TABLE cycle_lines DROP CONSTRAINT cycle_lines_caisse_id_month_fkey;
ALTER TABLE cycle_lines DROP CONSTRAINT cycle_lines_pkey;
ALTER TABLE cycles DROP CONSTRAINT cycles_pkey;
ALTER TABLE cycles ADD PRIMARY KEY (caisse_id, kind, month);
ALTER TABLE cycle_lines ADD PRIMARY KEY (caisse_id, kind, month, household_id);
ALTER TABLE cycle_lines ADD FOREIGN KEY (caisse_id, kind, month)
    REFERENCES cycles (caisse_id, kind, month) ON DELETE CASCADE;

DROP INDEX cycle_lines_open;
CREATE INDEX cycle_lines_open ON cycle_lines (caisse_id, kind, month, status)
    WHERE status IN ('NOT_SENT', 'PENDING', 'UNKNOWN');

-- The bonus computation reads a month of purchases per household.
CREATE INDEX purchases_by_household ON purchases (caisse_id, household_id, paid_at)
    WHERE household_id IS NOT NULL;
