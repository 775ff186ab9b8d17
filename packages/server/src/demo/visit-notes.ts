import type { VisitDocumentation } from '@hearth/domain';
import type { Random } from './random.ts';

/** Made-up visit documentation in Russian, the demo service's language, one set per discipline. */
const notes: Record<string, VisitDocumentation[]> = {
  nurse: [
    {
      assessment: 'Боль 3/10 в покое, кожа крестца без покраснения, стул был вчера.',
      done: 'Смена пластыря, осмотр кожи, проверка запаса лекарств на дому.',
      taught: 'Показали дочери, как поворачивать маму каждые 2 часа.',
      notes: 'Ночью спала лучше.',
      nextSteps: 'Следующий визит по плану; позвонить, если боль выше 5.',
    },
    {
      assessment: 'Слабость, аппетит снижен, отёки голеней без изменений.',
      done: 'Уход за полостью рта, подбор положения в кровати, замена мешка катетера.',
      taught: 'Объяснили супругу признаки обезвоживания.',
      notes: '',
      nextSteps: 'Обсудить с врачом снижение аппетита.',
    },
  ],
  physician: [
    {
      assessment: 'ESAS-r: боль 4, одышка 2, тревога 5. Состояние стабильное.',
      done: 'Осмотр, пересмотр схемы обезболивания, беседа с семьёй о планах.',
      taught: '',
      notes: 'Семья просит обсудить место ухода при ухудшении.',
      nextSteps: 'Контроль через 2 недели; психолог по запросу семьи.',
    },
    {
      assessment: 'Нарастает одышка при нагрузке, в покое комфортно.',
      done: 'Осмотр, назначение по требованию пересмотрено, проверен кислородный концентратор.',
      taught: 'Сыну показали, как пользоваться концентратором.',
      notes: '',
      nextSteps: 'Визит медсестры через 3 дня, звонок семье завтра.',
    },
  ],
};

export const visitNoteFor = (discipline: string, rnd: Random): VisitDocumentation =>
  rnd.pick(notes[discipline] ?? notes.nurse!);
