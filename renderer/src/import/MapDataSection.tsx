import { useCommand } from '../commands/commands-context';
import { Icon } from '../panels/Icon';

/** The map inspector's "Data" section: where imports start and the datasets are listed. */
export function MapDataSection() {
  const importData = useCommand('data.import');
  const datasets = useCommand('data.datasets');
  return (
    <section className="inspector__section" aria-labelledby="map-data-title">
      <h2 className="inspector__subtitle" id="map-data-title">
        Data
      </h2>
      <p className="inspector__empty">
        Survey exports and spreadsheets of CSAT, NPS, CES or churn, matched to this map's touchpoints.
      </p>
      <div className="map-data__actions">
        <button
          type="button"
          className="button button--small"
          onClick={importData.run}
          disabled={!importData.enabled}
        >
          <Icon name="upload" size={16} />
          {importData.label}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={datasets.run}
          disabled={!datasets.enabled}
        >
          <Icon name="table" size={16} />
          {datasets.label}
        </button>
      </div>
    </section>
  );
}
