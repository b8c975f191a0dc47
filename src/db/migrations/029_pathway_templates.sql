-- 029: pathway templates as data, versioned (decision 0019).
--
-- A template (forløbsskabelon) belongs to a municipality and has numbered versions; a version's
-- definition (jsonb, src/domain/plan/pathway-template.ts) names its stages, the transitions
-- between them, the rules that raise flags and its legal frame. A published version never
-- changes (a trigger refuses it); a municipality copies one to a new draft and publishes that.
-- A running pathway records the version it started on and its current stage, for life.

CREATE TABLE pathway_template (
  municipality_id uuid NOT NULL REFERENCES municipality (id),
  id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  -- 'shipped': came with Samspil (seeded for every municipality); 'municipality': its own copy.
  origin text NOT NULL CHECK (origin IN ('shipped', 'municipality')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE pathway_template_version (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL,
  template_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  definition jsonb NOT NULL,
  -- The version this one was copied from (of this template or another); NULL for a shipped v1.
  based_on_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid,
  published_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, template_id, version),
  FOREIGN KEY (municipality_id, template_id) REFERENCES pathway_template (municipality_id, id),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
-- One draft per template at a time: a second copy would fork the version numbers.
CREATE UNIQUE INDEX pathway_template_version_draft_idx ON pathway_template_version (municipality_id, template_id)
  WHERE status = 'draft';

-- A published version is the rulebook of every pathway that started on it: never edited, never removed.
CREATE FUNCTION pathway_template_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'pathway template version % is published and cannot change', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER pathway_template_version_immutable BEFORE UPDATE OR DELETE ON pathway_template_version
  FOR EACH ROW EXECUTE FUNCTION pathway_template_version_immutable();

-- The templates Samspil ships, version 1 of each, for one municipality. First stages carry no
-- deadline: a pathway loaded without a stage (older rows, bulk loads) starts there.
-- A UUID (version 4 form, RFC 9562 variant) derived from a text: the shipped templates' ids.
CREATE FUNCTION pathway_seed_uuid(seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid
  FROM (SELECT md5(seed) AS h) AS hashed
$$;

CREATE FUNCTION pathway_ship_templates(m uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  shipped jsonb := $json$[
  {"code": "helhedsorienteret-plan", "definition": {
    "name": {"da": "Helhedsorienteret plan", "en": "Holistic plan"},
    "legalFrame": "LAB § 40, stk. 3",
    "stages": [
      {"code": "samtykke", "name": {"da": "Samtykke og afdækning", "en": "Consent and mapping"}, "roles": ["borger", "koordinerende sagsbehandler"], "deadline": null},
      {"code": "plan", "name": {"da": "Fælles plan", "en": "The joint plan"}, "roles": ["borger", "koordinerende sagsbehandler", "indsatsejere"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "koordinering", "name": {"da": "Koordinering", "en": "Coordination"}, "roles": ["koordinerende sagsbehandler"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "indsatser", "name": {"da": "Indsatser", "en": "Interventions"}, "roles": ["indsatsejere", "borger"], "deadline": null},
      {"code": "opfoelgning", "name": {"da": "Opfølgning", "en": "Follow-up"}, "roles": ["borger", "koordinerende sagsbehandler"], "deadline": {"days": 91, "from": "stage"}}
    ],
    "transitions": [
      {"from": "samtykke", "to": "plan"}, {"from": "plan", "to": "koordinering"},
      {"from": "koordinering", "to": "indsatser"}, {"from": "indsatser", "to": "opfoelgning"},
      {"from": "opfoelgning", "to": "plan"}, {"from": "opfoelgning", "to": "indsatser"}
    ],
    "rules": [{"kind": "no-intervention-started", "months": 6, "backToStage": "plan"}, {"kind": "stage-overdue"}]
  }},
  {"code": "ressourceforloeb", "definition": {
    "name": {"da": "Ressourceforløb", "en": "Resource pathway (ressourceforløb)"},
    "legalFrame": "LAB kap. 19 / LAS § 68 a",
    "stages": [
      {"code": "opsporing", "name": {"da": "Opsporing", "en": "Spotting"}, "roles": ["sagsbehandler"], "deadline": null},
      {"code": "forberedelse", "name": {"da": "Forberedelse: borgerens og sagsbehandlerens del", "en": "Preparation: the citizen's and the caseworker's part"}, "roles": ["borger", "sagsbehandler"], "deadline": {"days": 56, "from": "stage"}},
      {"code": "rehabiliteringsteam", "name": {"da": "Rehabiliteringsteam: møde og indstilling", "en": "Rehabilitation team: meeting and recommendation"}, "roles": ["borger", "sagsbehandler", "rehabiliteringsteam", "sundhedskoordinator"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "afgoerelse", "name": {"da": "Afgørelse", "en": "Decision"}, "roles": ["sagsbehandler"], "deadline": {"days": 14, "from": "stage"}},
      {"code": "plan-og-koordinering", "name": {"da": "Plan og koordinering", "en": "Plan and coordination"}, "roles": ["koordinerende sagsbehandler", "borger"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "indsatser", "name": {"da": "Tværfaglige indsatser", "en": "Interdisciplinary interventions"}, "roles": ["koordinerende sagsbehandler", "indsatsejere", "borger"], "deadline": null},
      {"code": "opfoelgning", "name": {"da": "Opfølgning", "en": "Follow-up"}, "roles": ["koordinerende sagsbehandler", "borger"], "deadline": {"days": 91, "from": "stage"}}
    ],
    "transitions": [
      {"from": "opsporing", "to": "forberedelse"}, {"from": "forberedelse", "to": "rehabiliteringsteam"},
      {"from": "rehabiliteringsteam", "to": "afgoerelse"}, {"from": "afgoerelse", "to": "plan-og-koordinering"},
      {"from": "plan-og-koordinering", "to": "indsatser"}, {"from": "indsatser", "to": "opfoelgning"},
      {"from": "afgoerelse", "to": "rehabiliteringsteam"}, {"from": "indsatser", "to": "rehabiliteringsteam"},
      {"from": "opfoelgning", "to": "rehabiliteringsteam"}, {"from": "opfoelgning", "to": "indsatser"}
    ],
    "rules": [{"kind": "no-intervention-started", "months": 6, "backToStage": "rehabiliteringsteam"}, {"kind": "stage-overdue"}]
  }},
  {"code": "jobafklaringsforloeb", "definition": {
    "name": {"da": "Jobafklaringsforløb", "en": "Job clarification pathway (jobafklaringsforløb)"},
    "legalFrame": "LAB kap. 18 / LAS § 68 c",
    "stages": [
      {"code": "opstart", "name": {"da": "Opstart", "en": "Start"}, "roles": ["sagsbehandler", "borger"], "deadline": null},
      {"code": "rehabiliteringsteam", "name": {"da": "Rehabiliteringsteam: møde og indstilling", "en": "Rehabilitation team: meeting and recommendation"}, "roles": ["borger", "sagsbehandler", "rehabiliteringsteam", "sundhedskoordinator"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "plan-og-koordinering", "name": {"da": "Plan og koordinering", "en": "Plan and coordination"}, "roles": ["koordinerende sagsbehandler", "borger"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "indsatser", "name": {"da": "Indsatser", "en": "Interventions"}, "roles": ["koordinerende sagsbehandler", "indsatsejere", "borger"], "deadline": null},
      {"code": "opfoelgning", "name": {"da": "Opfølgning", "en": "Follow-up"}, "roles": ["koordinerende sagsbehandler", "borger"], "deadline": {"days": 91, "from": "stage"}}
    ],
    "transitions": [
      {"from": "opstart", "to": "rehabiliteringsteam"}, {"from": "rehabiliteringsteam", "to": "plan-og-koordinering"},
      {"from": "plan-og-koordinering", "to": "indsatser"}, {"from": "indsatser", "to": "opfoelgning"},
      {"from": "opfoelgning", "to": "rehabiliteringsteam"}, {"from": "opfoelgning", "to": "indsatser"}
    ],
    "rules": [{"kind": "no-intervention-started", "months": 6, "backToStage": "rehabiliteringsteam"}, {"kind": "stage-overdue"}]
  }},
  {"code": "handleplan-141", "definition": {
    "name": {"da": "Handleplan efter serviceloven § 141", "en": "Action plan (Social Services Act § 141)"},
    "legalFrame": "Serviceloven § 141",
    "stages": [
      {"code": "udredning", "name": {"da": "Udredning", "en": "Assessment"}, "roles": ["sagsbehandler", "borger"], "deadline": null},
      {"code": "handleplan", "name": {"da": "Handleplan med borgeren", "en": "Action plan with the citizen"}, "roles": ["sagsbehandler", "borger"], "deadline": {"days": 28, "from": "stage"}},
      {"code": "indsatser", "name": {"da": "Indsatser", "en": "Interventions"}, "roles": ["indsatsejere", "borger"], "deadline": null},
      {"code": "opfoelgning", "name": {"da": "Opfølgning", "en": "Follow-up"}, "roles": ["sagsbehandler", "borger"], "deadline": {"days": 182, "from": "stage"}}
    ],
    "transitions": [
      {"from": "udredning", "to": "handleplan"}, {"from": "handleplan", "to": "indsatser"},
      {"from": "indsatser", "to": "opfoelgning"}, {"from": "opfoelgning", "to": "handleplan"},
      {"from": "opfoelgning", "to": "indsatser"}
    ],
    "rules": [{"kind": "no-intervention-started", "months": 6, "backToStage": "handleplan"}, {"kind": "stage-overdue"}]
  }}
  ]$json$;
  entry jsonb;
  template uuid;
BEGIN
  FOR entry IN SELECT value FROM jsonb_array_elements(shipped) LOOP
    IF NOT EXISTS (SELECT 1 FROM pathway_template WHERE municipality_id = m AND code = entry->>'code') THEN
      -- Ids derived from the municipality and the code: the same municipality generated twice
      -- from one seed is the same data, down to the template versions its plans name.
      template := pathway_seed_uuid(m::text || ':pathway-template:' || (entry->>'code'));
      INSERT INTO pathway_template (municipality_id, id, code, origin) VALUES (m, template, entry->>'code', 'shipped');
      INSERT INTO pathway_template_version (municipality_id, id, template_id, version, status, definition, published_at)
        VALUES (m, pathway_seed_uuid(m::text || ':pathway-template-version:' || (entry->>'code') || ':1'), template, 1,
          'published', entry->'definition', now());
    END IF;
  END LOOP;
END $$;

-- Every municipality, the ones there are and every new one (the demo, the synthetic ones, tests).
SELECT pathway_ship_templates(id) FROM municipality;
CREATE FUNCTION pathway_ship_templates_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pathway_ship_templates(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER municipality_ships_pathway_templates AFTER INSERT ON municipality
  FOR EACH ROW EXECUTE FUNCTION pathway_ship_templates_on_insert();

-- A running pathway's version (kept for life) and its place in that version's stages.
ALTER TABLE pathway ADD COLUMN template_version_id uuid;
ALTER TABLE pathway ADD COLUMN stage_code text;
ALTER TABLE pathway ADD COLUMN stage_since date;

-- A pathway written without a version (older rows, bulk loads) starts on the newest published
-- version of its code, in that version's first stage, on its start day.
CREATE FUNCTION pathway_current_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  chosen record;
BEGIN
  IF NEW.template_version_id IS NULL THEN
    SELECT v.id, v.definition->'stages'->0->>'code' AS first_stage INTO chosen
      FROM pathway_template t
      JOIN pathway_template_version v ON v.municipality_id = t.municipality_id AND v.template_id = t.id
     WHERE t.municipality_id = NEW.municipality_id AND t.code = NEW.template_code AND v.status = 'published'
     ORDER BY v.version DESC LIMIT 1;
    IF chosen.id IS NULL THEN
      RAISE EXCEPTION 'no published pathway template %', NEW.template_code;
    END IF;
    NEW.template_version_id := chosen.id;
    NEW.stage_code := coalesce(NEW.stage_code, chosen.first_stage);
    NEW.stage_since := coalesce(NEW.stage_since, NEW.start_date);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER pathway_current_version BEFORE INSERT ON pathway
  FOR EACH ROW EXECUTE FUNCTION pathway_current_version();

-- Existing pathways map onto version 1 of the shipped template with the same code.
UPDATE pathway p SET template_version_id = v.id, stage_code = v.definition->'stages'->0->>'code',
       stage_since = p.start_date
  FROM pathway_template t
  JOIN pathway_template_version v ON v.municipality_id = t.municipality_id AND v.template_id = t.id AND v.version = 1
 WHERE t.municipality_id = p.municipality_id AND t.code = p.template_code AND p.template_version_id IS NULL;

ALTER TABLE pathway ALTER COLUMN template_version_id SET NOT NULL;
ALTER TABLE pathway ALTER COLUMN stage_code SET NOT NULL;
ALTER TABLE pathway ALTER COLUMN stage_since SET NOT NULL;
ALTER TABLE pathway ADD FOREIGN KEY (municipality_id, template_version_id)
  REFERENCES pathway_template_version (municipality_id, id);
