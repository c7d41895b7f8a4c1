/** Common Norwegian given and family names (SSB's name statistics); combined at random they name no one. */
export const GIVEN_NAMES = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Hilde', 'Nora', 'Emma', 'Sofie', 'Ingeborg',
  'Maja', 'Sara', 'Thea', 'Ida', 'Silje', 'Solveig', 'Åse', 'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein',
  'Hans', 'Geir', 'Tor', 'Jakob', 'Emil', 'Noah', 'Filip', 'Aksel', 'Magnus', 'Håkon', 'Øystein', 'Sindre', 'Eirik', 'Jørgen', 'Mathias',
];
export const FAMILY_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen',
  'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund',
  'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen',
  'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård',
  'Bakke', 'Kristensen', 'Fredriksen', 'Holm', 'Lien', 'Hauge', 'Christensen', 'Andresen', 'Nielsen', 'Knudsen', 'Evensen', 'Sæther',
  'Aas', 'Myhre', 'Hanssen', 'Ahmed', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen', 'Berntsen', 'Sandvik', 'Rønning',
  'Arnesen', 'Antonsen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Edvardsen', 'Birkeland', 'Isaksen', 'Gulbrandsen', 'Ruud', 'Aasen',
];
export const STREETS = ['Storgata', 'Kirkeveien', 'Skolegata', 'Parkveien', 'Fjordgata', 'Bakkeveien', 'Elvegata', 'Løkkeveien', 'Sjøgata', 'Granveien'];
export const GPS = ['Legesenteret Sentrum', 'Fjordlegene', 'Torget legekontor', 'Bydel legesenter', 'Kirkegata legekontor'];
