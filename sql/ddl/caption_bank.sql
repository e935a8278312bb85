-- caption_bank: Reusable caption texts; page_name NULL means shared by every page.
-- Generated from com.eros.common.table.Tables; TableDdlTest fails when they differ.
CREATE TABLE IF NOT EXISTS `${dataset}.caption_bank` (
  caption_id INT64 NOT NULL OPTIONS(description="Caption id"),
  caption_text STRING NOT NULL OPTIONS(description="Caption text"),
  page_name STRING OPTIONS(description="Owning page, NULL when shared by every page"),
  content_category STRING OPTIONS(description="Content category"),
  price_tier STRING OPTIONS(description="Price tier"),
  is_active BOOL OPTIONS(description="False once the caption is retired"),
  created_at TIMESTAMP OPTIONS(description="When the caption was created")
)
CLUSTER BY page_name;
