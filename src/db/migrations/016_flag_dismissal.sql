-- 016: a dismissed coordination flag comes back (docs/decisions/0014-flag-lifecycle.md).
--
-- A person may dismiss a rule-made flag only with a reason and a return date; if the cause is
-- still there on that day, the next check reopens the flag. Flags dismissed before this have no
-- date and stay dismissed, as they were promised. The incremental check's read (migration 008)
-- now also returns the date.
ALTER TABLE coordination_flag ADD COLUMN dismissed_until date;

CREATE OR REPLACE FUNCTION coordination_citizen_extras(
  p_municipality_id uuid,
  p_citizen_id uuid,
  p_pathway_open_on date,
  p_notification_ids uuid[],
  p_recipient_ids uuid[],
  p_kinds text[],
  p_subject_ids uuid[],
  p_payloads text[],
  p_actor_ids uuid[]
) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF cardinality(p_notification_ids) > 0 THEN
    INSERT INTO notification (municipality_id, id, recipient_id, citizen_id, kind, subject_id, payload, actor_id)
    SELECT p_municipality_id, t.id, t.recipient_id, p_citizen_id, t.kind, t.subject_id, t.payload::jsonb, t.actor_id
      FROM unnest(p_notification_ids, p_recipient_ids, p_kinds, p_subject_ids, p_payloads, p_actor_ids)
           AS t(id, recipient_id, kind, subject_id, payload, actor_id);
  END IF;
  RETURN json_build_object(
    'pathway', (SELECT json_build_object('templateCode', template_code, 'startDate', start_date)
                  FROM pathway
                 WHERE municipality_id = p_municipality_id AND citizen_id = p_citizen_id
                   AND (end_date IS NULL OR end_date >= p_pathway_open_on)
                 ORDER BY start_date, id LIMIT 1),
    'gas', (SELECT json_agg(json_build_object('s', sub_goal_id, 'l', gas_level) ORDER BY recorded_at, id)
              FROM sub_goal_gas_history
             WHERE municipality_id = p_municipality_id AND citizen_id = p_citizen_id),
    'referrals', (SELECT json_agg(json_build_object(
                           'id', r.id, 'fromUnitId', r.from_unit_id, 'fromProfessionalId', r.from_professional_id,
                           'toUnitId', r.to_unit_id, 'toName', coalesce(u.name, r.to_civil_society),
                           'answerDue', r.answer_due))
                    FROM referral r
                    LEFT JOIN unit u ON u.municipality_id = r.municipality_id AND u.id = r.to_unit_id
                   WHERE r.municipality_id = p_municipality_id AND r.citizen_id = p_citizen_id
                     AND r.status = 'requested'),
    'flags', (SELECT json_agg(json_build_object('id', id, 'fingerprint', fingerprint, 'status', status,
                       'system', status_by IS NULL, 'owner', owner_id,
                       'taken', owner_taken_by IS NOT NULL,
                       'until', to_char(dismissed_until, 'YYYY-MM-DD')))
                FROM coordination_flag
               WHERE municipality_id = p_municipality_id AND citizen_id = p_citizen_id));
END
$$;
