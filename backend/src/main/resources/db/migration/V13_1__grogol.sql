-- One name per place: the kecamatan is "Grogol", as the city, its kecamatan office (OPD KEC-GROGOL, "Kecamatan
-- Grogol") and its kelurahan Grogol write it. The source of V2's reference data spells it "Gerogol".
UPDATE kecamatan SET name = 'Grogol' WHERE code = '36.72.06' AND name = 'Gerogol';
-- any OPD named after the old spelling (V2's is already "Kecamatan Grogol"; an admin may have renamed it since)
UPDATE opd SET name = replace(name, 'Gerogol', 'Grogol') WHERE name LIKE '%Gerogol%';
